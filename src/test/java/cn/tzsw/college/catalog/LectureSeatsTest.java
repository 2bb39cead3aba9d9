package cn.tzsw.college.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** A seat decision holds the lecture's row until the caller's transaction ends, so it needs one. */
class LectureSeatsTest extends IntegrationTest {

    @Autowired
    LectureSeats seats;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void seats_are_claimed_released_and_locked_only_in_the_callers_transaction() {
        long lectureId = fixtures.openLecture(2, Map.of());

        assertThatThrownBy(() -> seats.claim(lectureId, "331002000000", false))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> seats.release(lectureId, "331002000000", false))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> seats.lock(lectureId)).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(fixtures.count("SELECT taken FROM lecture WHERE id = ?", lectureId)).isZero();

        LectureSeats.Claim claim = transactions.execute(status -> seats.claim(lectureId, "331002000000", false));
        assertThat(claim).isEqualTo(LectureSeats.Claim.CLAIMED);
        assertThat(fixtures.count("SELECT taken FROM lecture WHERE id = ?", lectureId)).isEqualTo(1);
    }
}
