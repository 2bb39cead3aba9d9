package cn.tzsw.college.shared;

/** What a trainee can do on a lecture now to move its state on: check in, watch, or continue watching. */
public enum LectureAction {
    CHECK_IN, WATCH, RESUME;

    public String messageKey() {
        return "lectureAction." + name();
    }

    /** The page that does it (relative to the app's root). */
    public String href(long lectureId) {
        return this == CHECK_IN ? "checkin?lecture=" + lectureId : "watch/" + lectureId;
    }
}
