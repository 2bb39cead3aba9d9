package cn.tzsw.college.registration;

/** The result of registering: a seat, or a place in line. */
public record RegistrationOutcome(long registrationId, RegistrationStatus status) {
}
