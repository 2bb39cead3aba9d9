package cn.tzsw.college.registration;

/** What registration tells the rest of the product; published inside the transaction that decided it. */
public final class RegistrationEvents {

    private RegistrationEvents() {
    }

    /**
     * A trainee registered (or was added by an administrator): the registration now holds a seat or a place in
     * line; listeners after the commit read which.
     */
    public record Recorded(long registrationId, long traineeId, long lectureId) {
    }

    /** A registration was cancelled by its trainee or removed by an administrator. */
    public record Withdrawn(long registrationId, long traineeId, long lectureId) {
    }

    /** A seat freed up and went to the first trainee in line. */
    public record Promoted(long registrationId, long traineeId, long lectureId) {
    }
}
