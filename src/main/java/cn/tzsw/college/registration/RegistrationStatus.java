package cn.tzsw.college.registration;

public enum RegistrationStatus {
    REGISTERED, WAITLISTED, CANCELLED,
    /** Recorded but not yet through the seat claim; never visible outside the registering transaction. */
    PENDING;

    public String messageKey() {
        return "registration.status." + name();
    }
}
