package cn.tzsw.college;

/**
 * The time a lock ends, in a refusal's text, as {@code AttemptLock} writes it: "10:42" today, "12-08 00:00" on another
 * day. A lock taken late in the evening, college time, ends on the next day (a run at 23:33 in Taizhou failed on
 * "请于 12-08 00:00 后再试"), and so may one taken after the tests' clock moved forward.
 */
public final class TryAgainTimes {

    /** "请于 10:42 后再试" or "请于 12-08 00:00 后再试". */
    public static final String TRY_AGAIN_AT = "请于 (\\d{2}-\\d{2} )?\\d{2}:\\d{2} 后再试";

    private TryAgainTimes() {
    }
}
