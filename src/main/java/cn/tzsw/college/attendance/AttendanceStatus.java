package cn.tzsw.college.attendance;

/** An attendance mark; present and late complete an in-person lecture. */
public enum AttendanceStatus {
    PRESENT, LATE, ABSENT, EXCUSED;

    public boolean attended() {
        return this == PRESENT || this == LATE;
    }

    public String messageKey() {
        return "attendanceStatus." + name();
    }
}
