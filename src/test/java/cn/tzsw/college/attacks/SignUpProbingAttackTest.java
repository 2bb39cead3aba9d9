package cn.tzsw.college.attacks;

import static cn.tzsw.college.TryAgainTimes.TRY_AGAIN_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.trainees.SignUpTest;
import cn.tzsw.college.trainees.TraineeService;
import cn.tzsw.college.trainees.TraineeSignUp;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Issue 13, finding 8 (sign-up): the sign-up form still tells a visitor that an ID number is registered (a person
 * who forgot signing up needs to know), but one client address gets ten sign-ups in ten minutes, so ID numbers
 * cannot be tested in bulk. The sign-up page passes the visitor's address to the service, where the limit holds.
 */
class SignUpProbingAttackTest extends IntegrationTest {

    @Autowired
    TraineeService trainees;
    @Autowired
    MessageSource messages;

    private static TraineeSignUp probing(String idNumber) {
        TraineeSignUp signUp = SignUpTest.validSignUp();
        signUp.setIdNumber(idNumber);
        return signUp;
    }

    @Test
    void after_ten_sign_ups_from_one_address_the_next_is_refused_with_the_time_to_try_again() {
        String prober = "192.0.2.81";
        String registered = SignUpTest.validSignUp().getIdNumber();
        trainees.signUp(probing(registered), Locale.SIMPLIFIED_CHINESE, prober);
        for (int i = 0; i < 9; i++) {
            assertThatThrownBy(() -> trainees.signUp(probing(registered), Locale.SIMPLIFIED_CHINESE, prober))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("trainee.idNumber.taken"));
        }

        assertThatThrownBy(() -> trainees.signUp(SignUpTest.validSignUp(), Locale.SIMPLIFIED_CHINESE, prober))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.field()).as("the whole attempt, no field").isNull();
                    assertThat(messages.getMessage(e.messageKey(), e.arguments(), Locale.SIMPLIFIED_CHINESE))
                            .containsPattern("注册尝试过于频繁，" + TRY_AGAIN_AT);
                });
        assertThat(trainees.signUp(SignUpTest.validSignUp(), Locale.SIMPLIFIED_CHINESE, "192.0.2.82"))
                .as("another address signs up").isPositive();
    }
}
