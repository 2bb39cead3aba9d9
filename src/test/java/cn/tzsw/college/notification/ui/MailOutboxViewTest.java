package cn.tzsw.college.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.ViewTest;
import cn.tzsw.college.registration.RegistrationService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14, item 4: the outbox page names the configured mail server (never "no SMTP server") and each waiting
 * mail's next attempt, and sends every failed mail again with one click.
 */
class MailOutboxViewTest extends ViewTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    RegistrationService registrations;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_administrator_sees_the_mail_server_and_sends_all_failed_mails_again() throws Exception {
        List<String> phones = fixtures.trainees(1, "331002001003", true);
        long lectureId = fixtures.openLecture(5, Map.of());
        String recipient = phones.getFirst() + "@example.cn";
        fixtures.as(phones.getFirst(), () -> registrations.register(lectureId));
        MAIL.await(recipient, m -> true, Duration.ofSeconds(20));
        // As if the mail had been given up during an outage.
        jdbc.update("UPDATE mail_outbox SET status = 'FAILED', last_error = 'not sent within PT72H'"
                + " WHERE recipient = ?", recipient);

        openAs("admin");
        navigate(MailOutboxView.class);
        assertThat($(Paragraph.class).id("mail-server").getText())
                .contains("127.0.0.1:" + MAIL.port()).doesNotContain("未配置");
        assertThat($(Grid.class).id("mail-grid").getColumns())
                .extracting(column -> ((Grid.Column<?>) column).getHeaderText()).contains("下次尝试");

        test($(Button.class).id("mail-retry-all")).click();

        assertThat(notifications()).anyMatch(text -> text.contains("重新加入发送队列"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> MAIL.received().stream().filter(m -> recipientOf(m).equals(recipient)).count() == 2);
    }

    private static String recipientOf(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
