package cn.tzsw.college.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.WebClient;
import cn.tzsw.college.certificates.BulkIssues;
import cn.tzsw.college.certificates.BulkScope;
import cn.tzsw.college.certificates.BulkState;
import cn.tzsw.college.notification.NotificationService;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.security.SystemTasks;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.security.access.AccessDeniedException;

/**
 * Issue 14, items 3-5: a mail server that hangs holds up no other scheduled job, and the dispatcher gives up on
 * it after the SMTP timeouts; mail queued through a long outage is not given up and goes out oldest first once the
 * server answers; failed mails go out again with one click; each mail keeps one Message-ID over all its tries and
 * records when the server accepted it; the outbox health tells a long wait without taking the site down.
 */
class MailOutageTest extends IntegrationTest {

    static final String VILLAGE = "331002001003";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    RegistrationService registrations;
    @Autowired
    NotificationService notifications;
    @Autowired
    BulkIssues bulkIssues;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    ScheduledTaskHolder scheduled;
    @Autowired
    ThreadPoolTaskScheduler scheduler;

    /** Each test starts with the mail server answering and the dispatcher knowing it. */
    @BeforeEach
    void mailServerAnswers() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> !mailServerDown());
    }

    @Test
    void every_scheduled_job_kind_has_a_thread_of_its_own() {
        assertThat(scheduled.getScheduledTasks().size())
                .isLessThanOrEqualTo(scheduler.getScheduledThreadPoolExecutor().getCorePoolSize());
    }

    @Test
    void a_mail_server_that_never_answers_holds_up_no_other_job_and_the_dispatcher_carries_on() throws Exception {
        String recipient;
        try (SmtpFront hung = SmtpFront.hung(MAIL)) {
            recipient = registeredTrainee();
            await().atMost(Duration.ofSeconds(20)).until(() -> hung.connections() > 0); // the dispatcher waits for a greeting

            // Meanwhile a bulk certificate issue is worked through by its own scheduled worker.
            List<String> phones = fixtures.trainees(3, VILLAGE, false);
            long lecture = fixtures.openLecture(10, Map.of());
            completed(phones, lecture);
            long job = SystemTasks.runAsSystem(() -> bulkIssues.start(BulkScope.LECTURE, lecture));
            await().atMost(Duration.ofSeconds(20)).until(() -> SystemTasks.runAsSystem(() -> bulkIssues.job(job)).orElseThrow()
                    .state() == BulkState.DONE);
            assertThat(fixtures.count("SELECT COUNT(*) FROM certificate WHERE lecture_id = ?", lecture)).isEqualTo(3);

            // The read timeout ends the dispatcher's wait: the failure is recorded and the mail waits, not lost.
            await().atMost(Duration.ofSeconds(60)).until(() -> attempts(recipient) > 0);
            assertThat(status(recipient)).isEqualTo("PENDING");
            assertThat(jdbc.queryForObject("SELECT last_error FROM mail_outbox WHERE recipient = ?", String.class,
                    recipient)).contains("timed out");
        }
        MAIL.await(recipient, m -> subject(m).startsWith("报名成功"), Duration.ofSeconds(60));
    }

    @Test
    void mail_queued_through_a_long_outage_is_not_given_up_and_goes_out_oldest_first_once_the_server_answers()
            throws Exception {
        List<String> phones = fixtures.trainees(3, VILLAGE, true);
        long lectureId = fixtures.openLecture(10, Map.of());
        String oldest = phones.get(0) + "@example.cn";
        String tooOld = phones.get(1) + "@example.cn";
        String newest = phones.get(2) + "@example.cn";
        MAIL.stop();
        try {
            fixtures.as(phones.get(0), () -> registrations.register(lectureId));
            await().atMost(Duration.ofSeconds(20)).until(() -> status(oldest) != null && mailServerDown());
            fixtures.as(phones.get(1), () -> registrations.register(lectureId));
            await().atMost(Duration.ofSeconds(20)).until(() -> status(tooOld) != null);
            // As if the server had been down for days, the first mail tried again and again all the while:
            LocalDateTime now = LocalDateTime.now(clock);
            jdbc.update("UPDATE mail_outbox SET created_at = ?, queued_at = ?, attempts = 7, next_attempt_at = ?"
                    + " WHERE recipient = ?", now.minusDays(2), now.minusDays(2), now.plusMinutes(9), oldest);
            jdbc.update("UPDATE mail_outbox SET created_at = ?, queued_at = ?, attempts = 7, next_attempt_at = ?"
                    + " WHERE recipient = ?", now.minusDays(4), now.minusDays(4), now, tooOld);
            fixtures.as(phones.get(2), () -> registrations.register(lectureId));
            await().atMost(Duration.ofSeconds(20)).until(() -> status(newest) != null);

            await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(status(tooOld))); // beyond app.mail.give-up-after
            assertThat(status(oldest)).isEqualTo("PENDING");

            // The outbox health tells the long wait; the site's own health stays UP.
            HttpResponse<String> mailHealth = get("/actuator/health/mail", null);
            assertThat(mailHealth.statusCode()).isEqualTo(503);
            assertThat(mailHealth.body()).contains("DELAYED").doesNotContain("longestWaitSeconds");
            assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
            WebClient admin = new WebClient(port);
            admin.signIn("admin", "Demo@2026");
            assertThat(get("/actuator/health/mail", admin.cookie("JSESSIONID").orElseThrow()).body())
                    .contains("longestWaitSeconds").contains("not answering since");
        } finally {
            MAIL.start();
        }
        MAIL.await(oldest, m -> subject(m).startsWith("报名成功"), Duration.ofSeconds(30));
        MAIL.await(newest, m -> subject(m).startsWith("报名成功"), Duration.ofSeconds(30));
        List<String> order = MAIL.received().stream().map(MailOutageTest::recipients)
                .filter(r -> r.equals(oldest) || r.equals(newest)).toList();
        assertThat(order).containsExactly(oldest, newest);
        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status(oldest)) && "SENT".equals(status(newest)));
        assertThat(sentAt(oldest)).isBefore(sentAt(newest));
        assertThat(MAIL.received()).noneMatch(m -> recipients(m).equals(tooOld));
    }

    @Test
    void an_administrator_sends_every_failed_mail_again_at_once_and_nobody_else_can() throws Exception {
        List<String> phones = fixtures.trainees(2, VILLAGE, true);
        long lectureId = fixtures.openLecture(10, Map.of());
        MAIL.stop();
        try {
            for (String phone : phones) {
                fixtures.as(phone, () -> registrations.register(lectureId));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> phones.stream().allMatch(p -> status(p + "@example.cn") != null));
            jdbc.update("UPDATE mail_outbox SET status = 'FAILED' WHERE recipient IN (?, ?)",
                    phones.get(0) + "@example.cn", phones.get(1) + "@example.cn");
        } finally {
            MAIL.start();
        }
        assertThatThrownBy(() -> fixtures.as(phones.get(0), notifications::retryAllFailed))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(fixtures.as("admin", notifications::retryAllFailed)).isGreaterThanOrEqualTo(2);

        for (String phone : phones) {
            MAIL.await(phone + "@example.cn", m -> subject(m).startsWith("报名成功"), Duration.ofSeconds(30));
        }
    }

    @Test
    void a_mail_sent_again_after_a_crash_carries_the_same_message_id() throws Exception {
        String recipient = registeredTrainee();
        MimeMessage first = MAIL.await(recipient, m -> subject(m).startsWith("报名成功"), Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status(recipient)));
        // The server accepted it, but the database lost the update that marked it sent: it goes out again.
        jdbc.update("UPDATE mail_outbox SET status = 'PENDING', sent_at = NULL, next_attempt_at = ? WHERE recipient = ?",
                LocalDateTime.now(clock), recipient);
        await().atMost(Duration.ofSeconds(20)).until(() -> copiesTo(recipient).size() == 2);

        List<String> ids = copiesTo(recipient).stream().map(MailOutageTest::messageId).toList();
        assertThat(ids.get(1)).isEqualTo(ids.get(0)).isEqualTo(messageId(first));
        assertThat(jdbc.queryForObject("SELECT message_id FROM mail_outbox WHERE recipient = ?", String.class,
                recipient)).isEqualTo(ids.getFirst());
    }

    @Test
    void sent_at_is_the_moment_the_server_accepted_the_mail() throws Exception {
        // sent_at has microseconds: a greeting 0.3 s late puts any earlier moment (the try's start, the connection's)
        // well before the one the test expects
        try (SmtpFront slow = SmtpFront.slow(MAIL, Duration.ofMillis(300), clock)) {
            String recipient = registeredTrainee();
            await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status(recipient)));
            LocalDateTime seen = LocalDateTime.now(clock);

            assertThat(slow.received()).anyMatch(m -> recipients(m).equals(recipient));
            // Not before the server's first word on the connection that carried it, and not after it was seen sent.
            assertThat(sentAt(recipient)).isAfterOrEqualTo(slow.lastAnsweredAt()).isBeforeOrEqualTo(seen);
        }
    }

    /** A new trainee registered for a new lecture: a confirmation mail is on its way to the returned address. */
    private String registeredTrainee() {
        String phone = fixtures.trainees(1, VILLAGE, true).getFirst();
        long lectureId = fixtures.openLecture(5, Map.of());
        fixtures.as(phone, () -> registrations.register(lectureId));
        return phone + "@example.cn";
    }

    /** Completions recorded straight into the hours ledger, for a bulk issue to find. */
    private void completed(List<String> phones, long lectureId) {
        long courseId = jdbc.queryForObject("SELECT course_id FROM lecture WHERE id = ?", Long.class, lectureId);
        for (String phone : phones) {
            jdbc.update("INSERT INTO hours_entry (trainee_id, lecture_id, course_id, title, source, hours, earned_on,"
                    + " recorded_at, recorded_by) SELECT id, ?, ?, '停摆测试课程', 'IN_PERSON', 2.0, CURDATE(), NOW(),"
                    + " 'test' FROM trainee WHERE phone = ?", lectureId, courseId, phone);
        }
    }

    private boolean mailServerDown() {
        return SystemTasks.runAsSystem(() -> notifications.outboxState().mailServerDownSince() != null);
    }

    private String status(String recipient) {
        List<String> found = jdbc.queryForList("SELECT status FROM mail_outbox WHERE recipient = ?", String.class,
                recipient);
        return found.isEmpty() ? null : found.getFirst();
    }

    private int attempts(String recipient) {
        return fixtures.count("SELECT COALESCE(MAX(attempts), 0) FROM mail_outbox WHERE recipient = ?", recipient);
    }

    private LocalDateTime sentAt(String recipient) {
        return jdbc.queryForObject("SELECT sent_at FROM mail_outbox WHERE recipient = ?", LocalDateTime.class,
                recipient);
    }

    private static List<MimeMessage> copiesTo(String recipient) {
        return MAIL.received().stream().filter(m -> recipients(m).equals(recipient)).toList();
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipients(MimeMessage message) {
        try {
            return String.join(",", Arrays.stream(message.getAllRecipients()).map(Object::toString).toList());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
