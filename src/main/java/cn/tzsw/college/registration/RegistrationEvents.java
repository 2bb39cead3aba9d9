package cn.tzsw.college.registration;

/** What registration tells the rest of the product; published inside the transaction that decided it. */
public final class RegistrationEvents {

    private RegistrationEvents() {
    }

    /** A trainee holds a seat (registered directly, or added by an administrator). */
    public record Confirmed(long registrationId, long traineeId, long lectureId) {
    }

    /** The lecture (or the trainee's county quota) was full: the trainee waits in line. */
    public record Waitlisted(long registrationId, long traineeId, long lectureId) {
    }

    /** A seat freed up and went to the first trainee in line. */
    public record Promoted(long registrationId, long traineeId, long lectureId) {
    }
}
