package cn.tzsw.college.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.shared.IdNumber;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A social worker registers on a phone, is told what is wrong with a mistyped ID number, and then signs in. Issue
 * 13, finding 9 (sign-up): a mistyped e-mail and a 19-digit ID number are explained on their fields.
 */
class SignUpBrowserTest extends BrowserTest {

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

    @Test
    void a_social_worker_registers_on_a_phone_and_signs_in() {
        String phone = "136%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
        String first17 = "33100219880512" + "%03d".formatted(ThreadLocalRandom.current().nextInt(1000));
        char check = IdNumber.checkCharacter(first17);
        char wrong = check == '1' ? '2' : '1';

        open("/register");
        field("vaadin-text-field:nth-of-type(1) input").sendKeys("林小雨");
        var textInputs = driver.findElements(By.cssSelector("vaadin-form-layout vaadin-text-field input"));
        textInputs.get(1).sendKeys(phone);
        textInputs.get(2).sendKeys(first17 + wrong, Keys.TAB);
        wait.until(d -> pageText().contains("校验码不正确"));

        textInputs.get(2).clear();
        textInputs.get(2).sendKeys(first17 + check, Keys.TAB);
        wait.until(d -> text("#derived-info").contains("1988年5月12日"));
        textInputs.get(3).sendKeys("海门街道社工站", Keys.TAB);
        pick(".region-picker-county", "椒江区");
        pick(".region-picker-township", "海门街道");
        var passwords = driver.findElements(By.cssSelector("vaadin-password-field input"));
        passwords.get(0).sendKeys("Secret@2026");
        passwords.get(1).sendKeys("Secret@2026", Keys.TAB);
        WebElement submit = field("#sign-up-submit");
        script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", submit);

        wait.until(d -> d.getCurrentUrl().endsWith("/login"));
        signIn(phone, "Secret@2026");
        assertThat(text("#current-user")).contains("林小雨").contains("学员");
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
