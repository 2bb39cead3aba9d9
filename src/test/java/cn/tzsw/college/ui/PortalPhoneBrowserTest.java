package cn.tzsw.college.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The portal and the trainee's home on a phone, 390 px wide; and 「忘记密码」 from the login page. */
class PortalPhoneBrowserTest extends PortalJourneys {

    private static final Pattern LINK = Pattern.compile("http\\S+(/reset-password/[A-Za-z0-9_-]+)");

    @Override
    protected int windowWidth() {
        return 390;
    }

    @Override
    protected String traineePhone() {
        return "13800000044";
    }

    @Override
    protected String homePhone() {
        return "13800000046"; // the 46th demo trainee: ASSISTANT, with a registration period
    }

    @Test
    void forgot_password_answers_alike_for_unknown_numbers_and_its_link_sets_a_new_password() throws Exception {
        String phone = fixtures.trainees(1, "331002001003", true).getFirst();
        open("/login");
        press(By.cssSelector("vaadin-login-form [slot='forgot-password']"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("forgot-username")));

        ask("13999990000");
        String unknownAnswer = text("#forgot-answer");
        assertThat(unknownAnswer).contains("30 分钟");
        ask(phone);
        // The answer does not change, so the mail tells that the second request was handled.
        MimeMessage mail = MAIL.await(phone + "@example.cn", m -> LINK.matcher(body(m)).find(), Duration.ofSeconds(20));
        assertThat(text("#forgot-answer")).isEqualTo(unknownAnswer);
        assertThat(tooWide()).isEmpty();

        Matcher link = LINK.matcher(body(mail));
        assertThat(link.find()).isTrue();
        open(link.group(1));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reset-new")));
        driver.findElement(By.cssSelector("#reset-new input")).sendKeys("Neu-Passwort-7");
        driver.findElement(By.cssSelector("#reset-confirmation input")).sendKeys("Neu-Passwort-7");
        driver.findElement(By.id("reset-save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));

        signIn(phone, "Neu-Passwort-7");
        open(link.group(1));
        assertThat(text("#reset-invalid")).contains("已失效");
    }

    private void ask(String username) {
        var field = driver.findElement(By.cssSelector("#forgot-username input"));
        field.clear();
        field.sendKeys(username);
        driver.findElement(By.id("forgot-send")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("forgot-answer")));
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
