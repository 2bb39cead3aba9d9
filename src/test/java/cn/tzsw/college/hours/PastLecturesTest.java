package cn.tzsw.college.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.security.SystemTasks;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Lectures completed before they reached the ledger, recorded after the fact (an import, the demo's history). */
class PastLecturesTest extends IntegrationTest {

    static final String VILLAGE = "331002001003";

    @Autowired
    Fixtures fixtures;
    @Autowired
    HoursLedger ledger;
    @Autowired
    JdbcTemplate jdbc;

    /** The app's clock: "today" is the college's day, which is ahead of UTC's from 16:00 UTC on. */
    @Autowired
    Clock clock;

    long traineeId(String phone) {
        return jdbc.queryForObject("SELECT id FROM trainee WHERE phone = ?", Long.class, phone);
    }

    @Test
    void past_lectures_are_booked_once_and_earn_certificates_that_nobody_is_mailed() {
        long trainee = traineeId(fixtures.trainees(1, VILLAGE, true).getFirst());
        long first = fixtures.openLecture(10, Map.of());
        long second = fixtures.openLecture(10, Map.of());
        LocalDate spring = LocalDate.now(clock).minusMonths(8);
        List<PastLecture> history = List.of(new PastLecture(trainee, first, HoursSource.IN_PERSON, spring),
                new PastLecture(trainee, second, HoursSource.VIDEO, spring.plusDays(30)),
                new PastLecture(trainee, first, HoursSource.VIDEO, spring.plusDays(60)));

        int recorded = SystemTasks.runAsSystem(() -> ledger.recordPastLectures(history));
        int again = SystemTasks.runAsSystem(() -> ledger.recordPastLectures(history));

        assertThat(recorded).isEqualTo(2);
        assertThat(again).isZero();
        assertThat(SystemTasks.runAsSystem(() -> ledger.entries(trainee, spring, LocalDate.now(clock))))
                .extracting(HoursEntry::lectureId, HoursEntry::source, HoursEntry::earnedOn)
                .containsExactly(tuple(first, HoursSource.IN_PERSON, spring),
                        tuple(second, HoursSource.VIDEO, spring.plusDays(30)));
        List<Long> certificates = await("both certificates issued").atMost(Duration.ofSeconds(30)).until(
                () -> jdbc.queryForList("SELECT id FROM certificate WHERE trainee_id = ? AND kind = 'COMPLETION'",
                        Long.class, trainee), ids -> ids.size() == 2);
        for (long certificate : certificates) {
            // A mail for it would be queued by an event publication written with the certificate: none left to run.
            await("no mail left to queue").atMost(Duration.ofSeconds(30)).until(() -> fixtures.count(
                    "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL AND LISTENER_ID LIKE ?"
                            + " AND SERIALIZED_EVENT LIKE ?", "%NotificationService.onCertificateIssued%",
                    "{\"certificateId\":" + certificate + ",%") == 0);
            assertThat(fixtures.count("SELECT COUNT(*) FROM mail_outbox WHERE attachment_ref = ?",
                    "certificate:" + certificate)).isZero();
        }
    }

    @Test
    void the_demo_history_is_booked_in_one_go_and_each_of_its_lectures_has_a_certificate_but_no_mail() {
        // The demo trainees (13800000001..50) and the entries the demo's one transaction recorded: the moment at
        // which most of their lecture entries were recorded. Not the earliest: tests that ran before this one may
        // have booked hours for demo trainees at an earlier moment of the test clock.
        String history = "FROM hours_entry h JOIN trainee t ON t.id = h.trainee_id WHERE t.phone LIKE '138000000__'"
                + " AND h.lecture_id IS NOT NULL AND h.recorded_at = (SELECT e.recorded_at FROM hours_entry e"
                + " JOIN trainee d ON d.id = e.trainee_id WHERE d.phone LIKE '138000000__' AND e.lecture_id IS NOT NULL"
                + " GROUP BY e.recorded_at ORDER BY COUNT(*) DESC LIMIT 1)";
        assertThat(fixtures.count("SELECT COUNT(*) " + history)).isEqualTo(226);

        await("the history's certificates").atMost(Duration.ofSeconds(60)).until(() -> fixtures.count(
                "SELECT COUNT(*) " + history + " AND EXISTS (SELECT 1 FROM certificate c WHERE c.kind = 'COMPLETION'"
                        + " AND c.trainee_id = h.trainee_id AND c.lecture_id = h.lecture_id)") == 226);
        assertThat(fixtures.count("SELECT COUNT(*) " + history + " AND EXISTS (SELECT 1 FROM certificate c"
                + " JOIN mail_outbox m ON m.attachment_ref = CONCAT('certificate:', c.id)"
                + " WHERE c.trainee_id = h.trainee_id AND c.lecture_id = h.lecture_id)")).isZero();
    }

    @Test
    void a_past_lecture_cannot_be_earned_after_today() {
        long trainee = traineeId(fixtures.trainees(1, VILLAGE, false).getFirst());
        long lecture = fixtures.openLecture(10, Map.of());

        assertThatThrownBy(() -> SystemTasks.runAsSystem(() -> ledger.recordPastLectures(
                List.of(new PastLecture(trainee, lecture, HoursSource.IN_PERSON, LocalDate.now(clock).plusDays(1))))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(fixtures.count("SELECT COUNT(*) FROM hours_entry WHERE trainee_id = ?", trainee)).isZero();
    }
}
