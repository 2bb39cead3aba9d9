package cn.tzsw.college.catalog;

/**
 * What the catalogue tells other capabilities about lectures. Published inside the transaction that made the
 * change; seat events are handled in it (registration promotes or demotes), mail events after it.
 */
public final class LectureEvents {

    private LectureEvents() {
    }

    /** Capacity went up: waitlisted trainees may move up. */
    public record SeatsAdded(long lectureId) {
    }

    /**
     * Capacity is about to drop below the seats taken; the latest {@code excess} registrations go back to the
     * waitlist before the new capacity is written.
     */
    public record Overbooked(long lectureId, int excess) {
    }

    /** Time, place or stream changed, or the lecture was cancelled: everybody on the roster hears of it. */
    public record Changed(long lectureId, boolean cancelled) {
    }
}
