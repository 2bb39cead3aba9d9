package cn.tzsw.college.catalog;

/** DRAFT -> PUBLISHED -> ARCHIVED; only published courses appear in the public catalogue. */
public enum CourseStatus {
    DRAFT, PUBLISHED, ARCHIVED;

    public String messageKey() {
        return "course.status." + name();
    }
}
