package cn.tzsw.college.registration;

public enum RegistrationStatus {
    REGISTERED, WAITLISTED, CANCELLED;

    public String messageKey() {
        return "registration.status." + name();
    }
}
