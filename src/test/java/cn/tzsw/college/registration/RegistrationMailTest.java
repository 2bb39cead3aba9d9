package cn.tzsw.college.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.notification.MailStatus;
import cn.tzsw.college.notification.NotificationService;
import cn.tzsw.college.security.SystemTasks;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices reach a real SMTP server after the registration commits, and survive an SMTP outage; a registration
 * cancelled before its mail was written, or rolled back, gets none.
 */
class RegistrationMailTest extends IntegrationTest {

    static final String VILLAGE = "331002001003";

    @Autowired
    Fixtures fixtures;
    @Autowired
    RegistrationService registrations;
    @Autowired
    NotificationService notifications;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_first_in_line_is_promoted_and_mailed_when_a_seat_frees() throws Exception {
        List<String> phones = fixtures.trainees(2, VILLAGE, true);
        long lectureId = fixtures.openLecture(1, Map.of());
        assertThat(fixtures.as(phones.get(0), () -> registrations.register(lectureId)).status())
                .isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(fixtures.as(phones.get(1), () -> registrations.register(lectureId)).status())
                .isEqualTo(RegistrationStatus.WAITLISTED);
        MimeMessage confirmation = MAIL.await(phones.get(0) + "@example.cn", m -> subject(m).startsWith("报名成功"),
                Duration.ofSeconds(20));
        assertThat(subject(confirmation)).contains("测试课程");

        fixtures.as(phones.get(0), () -> {
            registrations.cancel(lectureId);
            return null;
        });

        assertThat(fixtures.as(phones.get(1), () -> registrations.myRegistration(lectureId)).orElseThrow().status())
                .isEqualTo(RegistrationStatus.REGISTERED);
        MimeMessage promotion = MAIL.await(phones.get(1) + "@example.cn", m -> subject(m).startsWith("候补成功"),
                Duration.ofSeconds(20));
        assertThat(promotion.getContent().toString()).contains("由候补转为正式报名");
    }

    @Test
    void an_smtp_outage_delays_mail_but_loses_none() throws Exception {
        List<String> phones = fixtures.trainees(1, VILLAGE, true);
        long lectureId = fixtures.openLecture(5, Map.of());
        String recipient = phones.getFirst() + "@example.cn";
        MAIL.stop();
        try {
            fixtures.as(phones.getFirst(), () -> registrations.register(lectureId));
            await().atMost(Duration.ofSeconds(20)).until(() -> failedAttemptsTo(recipient) > 0);
            assertThat(MAIL.received()).noneMatch(m -> subject(m).contains("测试课程") && toRecipient(m, recipient));
        } finally {
            MAIL.start();
        }
        long mailId = SystemTasks.runAsSystem(() -> notifications.outbox(EnumSet.of(MailStatus.PENDING),
                PageRequest.of(0, 100)).stream().filter(m -> m.recipient().equals(recipient)).findFirst().orElseThrow().id());
        SystemTasks.runAsSystem(() -> {
            notifications.retry(mailId);
            return null;
        });
        MAIL.await(recipient, m -> subject(m).startsWith("报名成功"), Duration.ofSeconds(20));
    }

    private int failedAttemptsTo(String recipient) {
        return fixtures.count("SELECT COALESCE(MAX(attempts), 0) FROM mail_outbox WHERE recipient = ? AND status = 'PENDING'",
                recipient);
    }

    private static boolean toRecipient(MimeMessage message, String recipient) {
        try {
            return message.getAllRecipients()[0].toString().equals(recipient);
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void a_registration_cancelled_before_its_mail_is_written_gets_none_and_a_rolled_back_one_leaves_no_notice()
            throws Exception {
        List<String> phones = fixtures.trainees(3, VILLAGE, true);
        long lectureId = fixtures.openLecture(10, Map.of());
        // Registered and cancelled in one transaction: the notice is committed with a cancelled registration.
        transactions.executeWithoutResult(status -> fixtures.as(phones.get(0), () -> {
            registrations.register(lectureId);
            registrations.cancel(lectureId);
            return null;
        }));
        // Registered, then rolled back: neither the registration nor its notice exists.
        transactions.executeWithoutResult(status -> {
            fixtures.as(phones.get(1), () -> registrations.register(lectureId));
            status.setRollbackOnly();
        });
        assertThat(fixtures.count("SELECT COUNT(*) FROM mail_notice m JOIN trainee t ON t.id = m.trainee_id"
                + " WHERE t.phone = ?", phones.get(1))).isZero();
        fixtures.as(phones.get(2), () -> registrations.register(lectureId));

        // Notices are written in order, so once the last one's mail is there the first one has been handled.
        MAIL.await(phones.get(2) + "@example.cn", m -> subject(m).startsWith("报名成功"), Duration.ofSeconds(20));
        assertThat(MAIL.received()).noneMatch(m -> recipients(m).contains(phones.get(0) + "@example.cn")
                || recipients(m).contains(phones.get(1) + "@example.cn"));
        assertThat(fixtures.count("SELECT COUNT(*) FROM mail_notice m JOIN trainee t ON t.id = m.trainee_id"
                + " WHERE t.phone IN (?, ?, ?)", phones.get(0), phones.get(1), phones.get(2))).isZero();
    }

    /**
     * The dispatcher takes a batch of notices and then waits (here: for the outbox's end, which the test holds
     * locked). Meanwhile a trainee registers: the registration's notice must not wait for the dispatcher's
     * transaction. Taking 200 of 300 notices by their ids under repeatable read scanned the whole table and locked
     * every row and the gap after the last, so every registration of a burst waited until the batch was written.
     */
    @Test
    void a_registration_does_not_wait_for_the_dispatcher_writing_a_batch_of_mails() throws Exception {
        List<String> phones = fixtures.trainees(2, VILLAGE, true);
        long lectureId = fixtures.openLecture(10, Map.of());
        fixtures.as(phones.get(0), () -> registrations.register(lectureId));
        await().atMost(Duration.ofSeconds(20)).until(() -> fixtures.count("SELECT COUNT(*) FROM mail_notice") == 0);
        long registrationId = fixtures.count("SELECT MAX(id) FROM registration WHERE lecture_id = ?", lectureId);
        ExecutorService registering = Executors.newSingleThreadExecutor();
        try (Connection outboxEnd = dataSource.getConnection()) {
            outboxEnd.setAutoCommit(false);
            try (Statement statement = outboxEnd.createStatement()) {
                statement.executeQuery("SELECT id FROM mail_outbox WHERE id > (SELECT MAX(id) FROM mail_outbox)"
                        + " FOR UPDATE").close();
            }
            // One notice that becomes a mail (its registration exists), 299 whose registrations do not.
            jdbc.update("INSERT INTO mail_notice (kind, registration_id, trainee_id, lecture_id, created_at)"
                    + " SELECT 'recorded', IF(seq = 1, ?, -seq), r.trainee_id, r.lecture_id, NOW(6)"
                    + " FROM seq_1_to_300 JOIN registration r ON r.id = ?", registrationId, registrationId);
            await("a batch taken").atMost(Duration.ofSeconds(20)).until(() -> fixtures.count(
                    "SELECT COUNT(*) FROM (SELECT id FROM mail_notice FOR UPDATE SKIP LOCKED) n") < 300);

            Future<RegistrationOutcome> second = registering.submit(
                    () -> fixtures.as(phones.get(1), () -> registrations.register(lectureId)));
            try {
                assertThat(second.get(10, TimeUnit.SECONDS).status()).isEqualTo(RegistrationStatus.REGISTERED);
            } finally {
                outboxEnd.rollback();
            }
        } finally {
            registering.shutdown();
        }
        MAIL.await(phones.get(1) + "@example.cn", m -> subject(m).startsWith("报名成功"), Duration.ofSeconds(20));
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
