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
 * A social worker registers on a phone and then signs in. The form's checks (a mistyped ID number or e-mail, a
 * visitor whose address used up its sign-ups) are tested without a browser: {@code trainees/ui/SignUpViewTest}.
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

        open("/register");
        fill(phone, first17 + IdNumber.checkCharacter(first17));
        wait.until(d -> text("#derived-info").contains("1988年5月12日"));
        submit();

        wait.until(d -> d.getCurrentUrl().endsWith("/login"));
        signIn(phone, "Secret@2026");
        assertThat(text("#current-user")).contains("林小雨").contains("学员");
    }
}
