package cn.tzsw.college.catalog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seat counter of a lecture and its county quotas. Each claim is one conditional UPDATE, so that however
 * many people click at once, {@code taken} never passes {@code capacity}; the UPDATE also locks the lecture row
 * until the caller's transaction ends, which serialises every seat decision for that lecture (a claim, a
 * release and the promotion that follows it).
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class LectureSeats {

    /** What a claim achieved. */
    public enum Claim {
        CLAIMED, LECTURE_FULL, QUOTA_FULL
    }

    private final JdbcTemplate jdbc;

    LectureSeats(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes a seat for a trainee of the county; {@code countyHasQuota} says whether a quota row applies. */
    public Claim claim(long lectureId, String countyCode, boolean countyHasQuota) {
        if (jdbc.update("UPDATE lecture SET taken = taken + 1 WHERE id = ? AND taken < capacity", lectureId) == 0) {
            return Claim.LECTURE_FULL;
        }
        if (countyHasQuota && jdbc.update("UPDATE lecture_quota SET taken = taken + 1"
                + " WHERE lecture_id = ? AND county_code = ? AND taken < seats", lectureId, countyCode) == 0) {
            jdbc.update("UPDATE lecture SET taken = taken - 1 WHERE id = ?", lectureId);
            return Claim.QUOTA_FULL;
        }
        return Claim.CLAIMED;
    }

    /** Gives a seat back (a cancellation, or a registration moved to the waitlist). */
    public void release(long lectureId, String countyCode, boolean countyHasQuota) {
        jdbc.update("UPDATE lecture SET taken = taken - 1 WHERE id = ? AND taken > 0", lectureId);
        if (countyHasQuota) {
            jdbc.update("UPDATE lecture_quota SET taken = taken - 1 WHERE lecture_id = ? AND county_code = ? AND taken > 0",
                    lectureId, countyCode);
        }
    }

    /** Locks the lecture row for a sequence of seat decisions (promotions after a change of capacity). */
    public void lock(long lectureId) {
        jdbc.queryForObject("SELECT id FROM lecture WHERE id = ? FOR UPDATE", Long.class, lectureId);
    }
}
