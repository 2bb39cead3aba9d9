package cn.tzsw.college.shared;

/**
 * Where a trainee stands with one lecture, in the words every page uses: 已报名 / 候补中 → 已签到 or 观看中 →
 * 已完成 (hours booked) → 已发证, or 已取消 / 缺勤 / 已请假. Computed in one place ({@link LectureStates}); pages
 * only show it.
 */
public enum LectureState {
    REGISTERED("contrast"), WAITLISTED("contrast"), CHECKED_IN(""), WATCHING(""), COMPLETED("success"),
    CERTIFIED("success primary"), CANCELLED("contrast"), ABSENT("error"), EXCUSED("warning");

    private final String badgeTheme;

    LectureState(String badgeTheme) {
        this.badgeTheme = badgeTheme;
    }

    public String messageKey() {
        return "lectureState." + name();
    }

    /** Nothing is left for the trainee to do on the lecture, even while it is still open (a recorded one). */
    public boolean settled() {
        return this == COMPLETED || this == CERTIFIED || this == CANCELLED || this == ABSENT || this == EXCUSED;
    }

    /** Lumo badge variants beside {@code badge pill}: the colour says how far the trainee got. */
    public String badgeTheme() {
        return badgeTheme;
    }
}
