package cn.tzsw.college.catalog;

/** How a course is delivered. */
public enum CourseFormat {
    IN_PERSON, LIVE_STREAM, RECORDED_VIDEO, HYBRID;

    public String messageKey() {
        return "course.format." + name();
    }
}
