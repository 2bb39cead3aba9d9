package cn.tzsw.college.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.notification.MailStatus;
import cn.tzsw.college.notification.OutboxMail;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The retry rule of a mail: a doubling wait, capped, and no number of failures gives it up. */
class MailRetryTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 6, 8, 0);

    @Test
    void the_wait_doubles_from_the_first_retry_up_to_the_cap() {
        MailMessage mail = new MailMessage("a@example.cn", "s", "b", "<1@example.cn>", START);
        ReflectionTestUtils.setField(mail, "id", 1L); // as if stored
        List<Duration> waits = new ArrayList<>();
        LocalDateTime now = START;
        for (int failure = 0; failure < 7; failure++) {
            mail.failed("connection refused", now, Duration.ofMinutes(1), Duration.ofMinutes(10));
            waits.add(Duration.between(now, mail.toOutboxMail().nextAttemptAt()));
            now = mail.toOutboxMail().nextAttemptAt();
        }
        assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(10));
    }

    @Test
    void a_mail_failing_for_days_is_still_waiting_and_tried_every_ten_minutes() {
        MailMessage mail = new MailMessage("a@example.cn", "s", "b", "<2@example.cn>", START);
        ReflectionTestUtils.setField(mail, "id", 2L); // as if stored
        LocalDateTime now = START;
        for (int failure = 0; failure < 500; failure++) {
            mail.failed("connection refused", now, Duration.ofMinutes(1), Duration.ofMinutes(10));
            now = mail.toOutboxMail().nextAttemptAt();
        }
        OutboxMail state = mail.toOutboxMail();
        assertThat(state.status()).isEqualTo(MailStatus.PENDING);
        assertThat(state.attempts()).isEqualTo(500);
        assertThat(Duration.between(START, now)).isGreaterThan(Duration.ofDays(3));
    }
}
