package cn.tzsw.college.catalog.domain;

/**
 * The seat counter of a lecture ({@code lecture.taken}), a fragment of {@link LectureRepository}: conditional
 * UPDATEs, so that however many people click at once the counter never passes the capacity. The entity maps the
 * column read-only; only these statements write it.
 */
public interface LectureSeatCounter {

    /**
     * The claim as a SQL expression with three parameters (lecture id, county code, whether the county has a quota):
     * the function claim_seat (changelog 2026-12-07-10), which takes a seat of the lecture and, where the county has
     * a quota, of the quota, or nothing, and returns a {@code LectureSeats.Claim}'s name.
     */
    String CLAIM = "claim_seat(?, ?, ?)";

    /** {@link #CLAIM} alone; it locks the lecture row until the transaction ends. */
    String claim(long lectureId, String countyCode, boolean countyHasQuota);

    /** One seat fewer (never below zero). */
    void returnSeat(long lectureId);

    /** Locks the lecture row for a sequence of seat decisions, without loading the entity. */
    void lockRow(long lectureId);
}
