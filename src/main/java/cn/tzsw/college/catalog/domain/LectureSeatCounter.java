package cn.tzsw.college.catalog.domain;

/**
 * The seat counter of a lecture ({@code lecture.taken}), a fragment of {@link LectureRepository}: conditional
 * UPDATEs, so that however many people click at once the counter never passes the capacity. The entity maps the
 * column read-only; only these statements write it.
 */
public interface LectureSeatCounter {

    /** One seat more, unless the lecture is full; the UPDATE locks the lecture row until the transaction ends. */
    boolean takeSeat(long lectureId);

    /** One seat fewer (never below zero). */
    void returnSeat(long lectureId);

    /** Locks the lecture row for a sequence of seat decisions, without loading the entity. */
    void lockRow(long lectureId);
}
