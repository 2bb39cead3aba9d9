package cn.tzsw.college.certificates;

/** What a bulk issue covers: everyone who completed one lecture, or any lecture of a course. */
public enum BulkScope {
    LECTURE, COURSE;

    public String messageKey() {
        return "certificate.bulk.scope." + name();
    }
}
