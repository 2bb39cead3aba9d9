package cn.tzsw.college.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.TestClock;
import cn.tzsw.college.WebClient;
import cn.tzsw.college.shared.BusinessRuleException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 「忘记密码」 over the real outbox and mail server: the mailed link sets a new password once, not twice and not
 * after 30 minutes; an unknown account or one without an address gets the same (silent) answer and no mail; the
 * change is audited; requests are throttled like sign-ins.
 */
class PasswordResetTest extends IntegrationTest {

    private static final String VILLAGE = "331002001003";
    private static final Pattern LINK = Pattern.compile("(http\\S+/reset-password/([A-Za-z0-9_-]+))");

    @Autowired
    PasswordResets resets;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestClock clock;
    @LocalServerPort
    int port;

    @Test
    void the_mailed_link_sets_a_new_password_once_and_the_change_is_audited() throws Exception {
        String phone = fixtures.trainees(1, VILLAGE, true).getFirst();
        resets.request(phone, "10.9.0.1");
        String token = tokenMailedTo(phone + "@example.cn");
        assertThat(resets.usable(token)).isTrue();

        resets.complete(token, password("Neues-Pass-1"));

        HttpResponse<String> signIn = new WebClient(port).signIn(phone, "Neues-Pass-1");
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(resets.usable(token)).isFalse();
        assertThatThrownBy(() -> resets.complete(token, password("Zweites-Pass-2")))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("passwordReset.invalid");
        assertThat(new WebClient(port).signIn(phone, "Zweites-Pass-2").headers().firstValue("Location").orElse(""))
                .contains("error");
        assertThat(fixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = 'RESET_PASSWORD_BY_MAIL' AND detail = ?",
                phone)).isEqualTo(1);
    }

    @Test
    void a_link_no_longer_works_after_thirty_minutes() throws Exception {
        String phone = fixtures.trainees(1, VILLAGE, true).getFirst();
        resets.request(phone, "10.9.0.2");
        String token = tokenMailedTo(phone + "@example.cn");

        clock.advance(Duration.ofMinutes(31));

        assertThat(resets.usable(token)).isFalse();
        assertThatThrownBy(() -> resets.complete(token, password("Neues-Pass-1")))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("passwordReset.invalid");
    }

    @Test
    void an_unknown_account_or_one_without_an_address_gets_no_mail_and_no_link() {
        String withoutAddress = fixtures.trainees(1, VILLAGE, false).getFirst();
        int mailsBefore = fixtures.count("SELECT COUNT(*) FROM mail_outbox");
        int linksBefore = fixtures.count("SELECT COUNT(*) FROM password_reset");

        resets.request("13999999999", "10.9.0.3");
        resets.request(withoutAddress, "10.9.0.3");

        assertThat(fixtures.count("SELECT COUNT(*) FROM mail_outbox")).isEqualTo(mailsBefore);
        assertThat(fixtures.count("SELECT COUNT(*) FROM password_reset")).isEqualTo(linksBefore);
    }

    @Test
    void a_staff_account_gets_no_link_even_when_its_name_is_typed() {
        int linksBefore = fixtures.count("SELECT COUNT(*) FROM password_reset");
        resets.request("admin", "10.9.0.4");
        assertThat(fixtures.count("SELECT COUNT(*) FROM password_reset")).isEqualTo(linksBefore);
    }

    @Test
    void requests_for_one_user_name_are_throttled_whether_or_not_it_exists() {
        for (int i = 0; i < 3; i++) {
            resets.request("13911112222", "10.9.1." + i);
        }
        assertThatThrownBy(() -> resets.request("13911112222", "10.9.1.9"))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("passwordReset.tooMany");
    }

    @Test
    void requests_from_one_address_are_throttled_whatever_the_user_names() {
        List<String> names = java.util.stream.IntStream.range(0, 10).mapToObj(i -> "1390000%04d".formatted(i)).toList();
        names.forEach(name -> resets.request(name, "10.9.2.1"));
        assertThatThrownBy(() -> resets.request("13900009999", "10.9.2.1"))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("passwordReset.tooMany");
    }

    private static NewPassword password(String value) {
        NewPassword password = new NewPassword();
        password.setNewPassword(value);
        password.setConfirmation(value);
        return password;
    }

    private static String tokenMailedTo(String recipient) throws Exception {
        MimeMessage mail = MAIL.await(recipient, m -> LINK.matcher(body(m)).find(), Duration.ofSeconds(20));
        Matcher link = LINK.matcher(body(mail));
        assertThat(link.find()).isTrue();
        return link.group(2);
    }

    static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
