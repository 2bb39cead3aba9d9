package cn.tzsw.college.trainees.ui;

import static cn.tzsw.college.TryAgainTimes.TRY_AGAIN_AT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.ViewTest;
import cn.tzsw.college.security.AttemptLimiter;
import cn.tzsw.college.security.AttemptRule;
import cn.tzsw.college.shared.IdNumber;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinRequest;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sign-up form's checks, field by field (issue 13, findings 8 and 9): a mistyped ID number or e-mail address is
 * explained on its field; a visitor whose address used up its sign-ups is told when to try again. The whole sign-up
 * on a phone, and the sign-in after it, is {@code ui/SignUpBrowserTest}.
 */
class SignUpViewTest extends ViewTest {

    @Autowired
    AttemptLimiter limiter;

    private SignUpForm openForm() {
        openAs(null);
        navigate(SignUpView.class);
        return $(SignUpForm.class).single();
    }

    private static String first17() {
        return "33100219880512" + "%03d".formatted(ThreadLocalRandom.current().nextInt(1000));
    }

    @Test
    void a_wrong_check_digit_is_explained_and_a_valid_id_number_tells_gender_and_birth_date() {
        SignUpForm form = openForm();
        String first17 = first17();
        char check = IdNumber.checkCharacter(first17);

        test(form.idNumber).setValue(first17 + (check == '1' ? '2' : '1'));
        assertThat(form.idNumber.isInvalid()).isTrue();
        assertThat(form.idNumber.getErrorMessage()).contains("校验码不正确");

        test(form.idNumber).setValue(first17 + check);
        assertThat(form.idNumber.isInvalid()).isFalse();
        assertThat($(Span.class).id("derived-info").getText()).contains("1988年5月12日");
    }

    @Test
    void a_mistyped_e_mail_and_a_nineteen_digit_id_number_are_explained_on_their_fields() {
        SignUpForm form = openForm();

        test(form.idNumber).setValue("3310021988051200012");
        assertThat(form.idNumber.getErrorMessage()).contains("身份证号应为18位");
        assertThat(form.idNumber.getValue()).as("not cut to 18 digits").hasSize(19);
        assertThat(form.idNumber.getMaxLength()).as("no maxlength that would cut it").isZero();

        test(form.profile.email).setValue("wang.at.example");
        assertThat(form.profile.email.isInvalid()).isTrue();
        assertThat(form.profile.email.getErrorMessage()).contains("请输入有效的电子邮箱");
    }

    @Test
    void a_visitor_whose_address_used_up_its_sign_ups_is_told_when_to_try_again() {
        SignUpForm form = openForm();
        // Use up the address's sign-ups first, as a prober would have.
        String address = VaadinRequest.getCurrent().getRemoteAddr();
        IntStream.range(0, 10).forEach(i -> limiter.count(AttemptRule.SIGN_UP_ADDRESS, address));
        try {
            String first17 = first17();
            test(form.profile.name).setValue("林小雨");
            test(form.phone).setValue("136%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000)));
            test(form.idNumber).setValue(first17 + IdNumber.checkCharacter(first17));
            test(form.profile.workUnit).setValue("海门街道社工站");
            test(region("county")).selectItem("椒江区");
            test(region("township")).selectItem("海门街道");
            test(form.password).setValue("Secret@2026");
            test(form.passwordConfirmation).setValue("Secret@2026");

            test($(Button.class).id("sign-up-submit")).click();

            assertThat(notifications())
                    .anyMatch(text -> text.matches("(?s).*注册尝试过于频繁，" + TRY_AGAIN_AT + ".*"));
            assertThat(currentView()).as("still on the sign-up page").isInstanceOf(SignUpView.class);
        } finally {
            limiter.clear(AttemptRule.SIGN_UP_ADDRESS, address);
        }
    }

    @SuppressWarnings("unchecked")
    private ComboBox<Object> region(String tier) {
        return $(ComboBox.class).withClassName("region-picker-" + tier).single();
    }
}
