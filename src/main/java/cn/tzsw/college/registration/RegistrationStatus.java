package cn.tzsw.college.registration;

import java.util.EnumSet;
import java.util.Set;

public enum RegistrationStatus {
    REGISTERED, WAITLISTED, CANCELLED;

    /** A seat or a place in line. */
    public static final Set<RegistrationStatus> ACTIVE = EnumSet.of(REGISTERED, WAITLISTED);

    public boolean isActive() {
        return ACTIVE.contains(this);
    }

    public String messageKey() {
        return "registration.status." + name();
    }
}
