package cn.tzsw.college.attendance;

/** How a trainee attended a lecture; certificates and hours records name it. */
public enum AttendanceMethod {
    IN_PERSON, VIDEO, LIVE_STREAM, GROUP_SITE;

    public String messageKey() {
        return "attendanceMethod." + name();
    }
}
