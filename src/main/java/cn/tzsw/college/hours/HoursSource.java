package cn.tzsw.college.hours;

import cn.tzsw.college.attendance.AttendanceMethod;

/** Where hours in the ledger come from: a lecture of the platform (by how it was attended) or outside it. */
public enum HoursSource {
    IN_PERSON, VIDEO, LIVE_STREAM, GROUP_SITE, EXTERNAL_TRAINING, DEGREE;

    public static HoursSource of(AttendanceMethod method) {
        return valueOf(method.name());
    }

    public boolean external() {
        return this == EXTERNAL_TRAINING || this == DEGREE;
    }

    public String messageKey() {
        return "hoursSource." + name();
    }
}
