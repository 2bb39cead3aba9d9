package cn.tzsw.college.catalog;

/** The badge a lecture shows in the catalogue. */
public enum Availability {
    NOT_YET_OPEN, OPEN, FULL_WAITLIST, CLOSED, CANCELLED;

    public String messageKey() {
        return "lecture.availability." + name();
    }
}
