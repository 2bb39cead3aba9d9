package cn.tzsw.college.trainees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.CertificateLevel;
import cn.tzsw.college.shared.IdNumber;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

public class SignUpTest extends IntegrationTest {

    @Autowired
    TraineeService trainees;

    public static TraineeSignUp validSignUp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = "331002" + "1985%02d%02d".formatted(1 + random.nextInt(12), 1 + random.nextInt(28))
                + "%03d".formatted(random.nextInt(1000));
        TraineeSignUp signUp = new TraineeSignUp();
        signUp.setName("测试学员");
        signUp.setPhone("139%08d".formatted(random.nextInt(100_000_000)));
        signUp.setIdNumber(first17 + IdNumber.checkCharacter(first17));
        signUp.setWorkUnit("海门街道社工站");
        signUp.setRegionCode("331002001003");
        signUp.setCertificateLevel(CertificateLevel.INTERMEDIATE);
        signUp.setPeriodStart(LocalDate.of(2025, 3, 1));
        signUp.setPassword("Secret@2026");
        signUp.setPasswordConfirmation("Secret@2026");
        return signUp;
    }

    @Test
    void a_valid_sign_up_creates_a_trainee_with_gender_and_birth_date_from_the_id() {
        TraineeSignUp signUp = validSignUp();
        long id = trainees.signUp(signUp, Locale.SIMPLIFIED_CHINESE, null);
        assertThat(id).isPositive();
    }

    @Test
    void a_duplicate_id_number_is_refused_on_its_field() {
        TraineeSignUp first = validSignUp();
        trainees.signUp(first, Locale.SIMPLIFIED_CHINESE, null);
        TraineeSignUp second = validSignUp();
        second.setIdNumber(first.getIdNumber().toLowerCase(Locale.ROOT));
        assertThatThrownBy(() -> trainees.signUp(second, Locale.SIMPLIFIED_CHINESE, null))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.field()).isEqualTo("idNumber");
                    assertThat(e.messageKey()).isEqualTo("trainee.idNumber.taken");
                });
    }

    @Test
    void a_duplicate_phone_is_refused_on_its_field() {
        TraineeSignUp first = validSignUp();
        trainees.signUp(first, Locale.SIMPLIFIED_CHINESE, null);
        TraineeSignUp second = validSignUp();
        second.setPhone(first.getPhone());
        assertThatThrownBy(() -> trainees.signUp(second, Locale.SIMPLIFIED_CHINESE, null))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.field()).isEqualTo("phone"));
    }

    @Test
    void invalid_values_are_refused_by_the_service_whatever_the_form_did() {
        TraineeSignUp signUp = validSignUp();
        signUp.setIdNumber("331002199001011257");
        signUp.setPhone("12345");
        signUp.setPasswordConfirmation("different");
        assertThatThrownBy(() -> trainees.signUp(signUp, Locale.SIMPLIFIED_CHINESE, null))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.getConstraintViolations())
                        .extracting(v -> v.getMessageTemplate())
                        .contains("{validation.idNumber.checkDigit}", "{validation.phone.invalid}",
                                "{validation.password.mismatch}"));
    }

    @Test
    void a_certified_trainee_must_give_the_period_start() {
        TraineeSignUp signUp = validSignUp();
        signUp.setPeriodStart(null);
        assertThatThrownBy(() -> trainees.signUp(signUp, Locale.SIMPLIFIED_CHINESE, null))
                .isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void the_region_must_be_a_township_or_village() {
        TraineeSignUp signUp = validSignUp();
        signUp.setRegionCode("331002000000");
        assertThatThrownBy(() -> trainees.signUp(signUp, Locale.SIMPLIFIED_CHINESE, null))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.field()).isEqualTo("regionCode"));
    }
}
