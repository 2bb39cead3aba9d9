package cn.tzsw.college.catalog;

import cn.tzsw.college.catalog.domain.LectureQuotaRepository;
import cn.tzsw.college.catalog.domain.LectureSeatCounter;
import cn.tzsw.college.catalog.domain.LectureSeatCounterImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The seat counter of a lecture and its county quotas, for registration's seat decisions. A claim's UPDATE locks
 * the lecture row until the caller's transaction ends, which serialises every seat decision for that lecture (a
 * claim, a release and the promotion that follows it). Every method needs the caller's transaction; it is checked in
 * code rather than by a {@code @Transactional(propagation = MANDATORY)} proxy, which cost the registration burst a
 * transaction interceptor (and its transaction manager lookup) per claim.
 */
@Component
public class LectureSeats {

    /** What a claim achieved. */
    public enum Claim {
        CLAIMED, LECTURE_FULL, QUOTA_FULL
    }

    /**
     * {@link #claim} as a SQL expression with three parameters (lecture id, county code, whether the county has a
     * quota) that yields a {@link Claim}'s name, for a statement that claims and writes in one (registration's insert
     * of a new registration). Needs the caller's transaction as {@link #claim} does.
     */
    public static final String CLAIM = LectureSeatCounter.CLAIM;

    private final LectureSeatCounter lectures;
    private final LectureQuotaRepository quotas;

    /** The counter's statements without the repository's proxy (see {@link LectureSeatCounterImpl}). */
    LectureSeats(LectureSeatCounterImpl lectures, LectureQuotaRepository quotas) {
        this.lectures = lectures;
        this.quotas = quotas;
    }

    /** Takes a seat for a trainee of the county; {@code countyHasQuota} says whether a quota row applies. */
    public Claim claim(long lectureId, String countyCode, boolean countyHasQuota) {
        requireTransaction();
        return Claim.valueOf(lectures.claim(lectureId, countyCode, countyHasQuota));
    }

    /** Gives a seat back (a cancellation, or a registration moved to the waitlist). */
    public void release(long lectureId, String countyCode, boolean countyHasQuota) {
        requireTransaction();
        lectures.returnSeat(lectureId);
        if (countyHasQuota) {
            quotas.returnSeat(lectureId, countyCode);
        }
    }

    /** Locks the lecture row for a sequence of seat decisions (promotions after a change of capacity). */
    public void lock(long lectureId) {
        requireTransaction();
        lectures.lockRow(lectureId);
    }

    /** The lock a seat decision takes would end with its own statement: a caller without a transaction is a bug. */
    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("Seat decisions need the caller's transaction");
        }
    }
}
