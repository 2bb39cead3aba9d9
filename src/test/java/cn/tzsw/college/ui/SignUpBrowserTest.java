package cn.tzsw.college.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.security.AttemptLimiter;
import cn.tzsw.college.security.AttemptRule;
import cn.tzsw.college.shared.IdNumber;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A social worker registers on a phone, is told what is wrong with a mistyped ID number, and then signs in. Issue
 * 13, findings 8 and 9 (sign-up): a mistyped e-mail and a 19-digit ID number are explained on their fields; a
 * visitor whose address used up its sign-ups is told when to try again.
 */
class SignUpBrowserTest extends BrowserTest {

    @Autowired
    AttemptLimiter limiter;

    @Override
    protected int windowWidth() {
        return 390;
    }

    private WebElement field(String css) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    }

    private void pick(String comboCss, String text) {
        WebElement input = field(comboCss + " input");
        input.sendKeys(text);
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty());
        input.sendKeys(Keys.ENTER);
    }

    private static String freshPhone() {
        return "136%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String first17() {
        return "33100219880512" + "%03d".formatted(ThreadLocalRandom.current().nextInt(1000));
    }

    /** Fills in every field with a valid person (林小雨 of 海门街道). */
    private void fill(String phone, String idNumber) {
        field("vaadin-text-field:nth-of-type(1) input").sendKeys("林小雨");
        var textInputs = driver.findElements(By.cssSelector("vaadin-form-layout vaadin-text-field input"));
        textInputs.get(1).sendKeys(phone);
        textInputs.get(2).clear();
        textInputs.get(2).sendKeys(idNumber, Keys.TAB);
        textInputs.get(3).sendKeys("海门街道社工站", Keys.TAB);
        pick(".region-picker-county", "椒江区");
        pick(".region-picker-township", "海门街道");
        var passwords = driver.findElements(By.cssSelector("vaadin-password-field input"));
        passwords.get(0).sendKeys("Secret@2026");
        passwords.get(1).sendKeys("Secret@2026", Keys.TAB);
    }

    private void submit() {
        WebElement submit = field("#sign-up-submit");
        script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", submit);
    }

    @Test
    void a_social_worker_registers_on_a_phone_and_signs_in() {
        String phone = freshPhone();
        String first17 = first17();
        char check = IdNumber.checkCharacter(first17);
        char wrong = check == '1' ? '2' : '1';

        open("/register");
        field("vaadin-text-field:nth-of-type(1) input");
        driver.findElements(By.cssSelector("vaadin-form-layout vaadin-text-field input")).get(2)
                .sendKeys(first17 + wrong, Keys.TAB);
        wait.until(d -> pageText().contains("校验码不正确"));

        fill(phone, first17 + check);
        wait.until(d -> text("#derived-info").contains("1988年5月12日"));
        submit();

        wait.until(d -> d.getCurrentUrl().endsWith("/login"));
        signIn(phone, "Secret@2026");
        assertThat(text("#current-user")).contains("林小雨").contains("学员");
    }

    @Test
    void a_visitor_whose_address_used_up_its_sign_ups_is_told_when_to_try_again() {
        // The browser talks from loopback: use up that address's sign-ups first, as a prober would have.
        List<String> loopback = List.of("127.0.0.1", "0:0:0:0:0:0:0:1");
        try {
            loopback.forEach(address -> IntStream.range(0, 10)
                    .forEach(i -> limiter.count(AttemptRule.SIGN_UP_ADDRESS, address)));
            String first17 = first17();

            open("/register");
            fill(freshPhone(), first17 + IdNumber.checkCharacter(first17));
            submit();

            wait.until(d -> pageText().matches("(?s).*注册尝试过于频繁，请于 \\d{2}:\\d{2} 后再试.*"));
            assertThat(driver.getCurrentUrl()).endsWith("/register");
        } finally {
            loopback.forEach(address -> limiter.clear(AttemptRule.SIGN_UP_ADDRESS, address));
        }
    }

    @Test
    void a_mistyped_e_mail_and_a_nineteen_digit_id_number_are_explained_on_their_fields() {
        open("/register");
        field("vaadin-text-field:nth-of-type(1) input");
        WebElement idNumber = driver.findElements(By.cssSelector("vaadin-form-layout vaadin-text-field input")).get(2);
        idNumber.sendKeys("3310021988051200012", Keys.TAB);
        wait.until(d -> pageText().contains("身份证号应为18位"));
        assertThat(idNumber.getDomProperty("value")).as("not cut to 18 digits").hasSize(19);

        field("vaadin-email-field input").sendKeys("wang.at.example", Keys.TAB);
        wait.until(d -> pageText().contains("请输入有效的电子邮箱"));
        assertThat(script("return document.querySelector('vaadin-email-field').hasAttribute('invalid')")).isEqualTo(true);
    }
}
