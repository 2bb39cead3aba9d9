package cn.tzsw.college.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumberTest {

    /** GB 11643's own example: 11010519491231002X. */
    private static final String VALID_WITH_X = "11010519491231002X";
    private static final String VALID_DIGIT = "331002199001011256";

    @Test
    void a_valid_number_passes_and_yields_birth_date_and_gender() {
        assertThat(IdNumber.check(VALID_WITH_X)).isEmpty();
        IdNumber id = IdNumber.of(VALID_WITH_X);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo(Gender.FEMALE);
    }

    @Test
    void the_check_character_is_computed_by_iso_7064_mod_11_2() {
        assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdNumber.checkCharacter("33100219900101125")).isEqualTo('6');
        assertThat(IdNumber.isValid(VALID_DIGIT)).isTrue();
        assertThat(IdNumber.of(VALID_DIGIT).gender()).isEqualTo(Gender.MALE);
    }

    @Test
    void a_wrong_check_digit_is_refused() {
        assertThat(IdNumber.check("331002199001011257")).contains(IdNumber.Problem.CHECK_DIGIT);
        assertThat(IdNumber.check("110105194912310021")).contains(IdNumber.Problem.CHECK_DIGIT);
    }

    @Test
    void an_impossible_birth_date_is_refused() {
        String feb30 = "33100219900230123";
        assertThat(IdNumber.check(feb30 + IdNumber.checkCharacter(feb30))).contains(IdNumber.Problem.BIRTH_DATE);
        String month13 = "33100219901301123";
        assertThat(IdNumber.check(month13 + IdNumber.checkCharacter(month13))).contains(IdNumber.Problem.BIRTH_DATE);
        String future = "33100221000101123";
        assertThat(IdNumber.check(future + IdNumber.checkCharacter(future))).contains(IdNumber.Problem.BIRTH_DATE);
    }

    @Test
    void a_wrong_length_is_refused() {
        assertThat(IdNumber.check("33100219900101123")).contains(IdNumber.Problem.LENGTH);
        assertThat(IdNumber.check("3310021990010112361")).contains(IdNumber.Problem.LENGTH);
        assertThat(IdNumber.check("")).contains(IdNumber.Problem.LENGTH);
        assertThat(IdNumber.check(null)).contains(IdNumber.Problem.LENGTH);
    }

    @Test
    void letters_other_than_a_final_x_are_refused() {
        assertThat(IdNumber.check("3310021990010112A5")).contains(IdNumber.Problem.FORMAT);
        assertThat(IdNumber.check("33100219900101123Y")).contains(IdNumber.Problem.FORMAT);
    }

    @Test
    void a_lower_case_x_is_accepted_as_upper_case() {
        assertThat(IdNumber.check("11010519491231002x")).isEmpty();
        assertThat(IdNumber.of("11010519491231002x").value()).isEqualTo(VALID_WITH_X);
    }

    @Test
    void constructing_an_invalid_number_fails() {
        assertThatThrownBy(() -> IdNumber.of("123")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbers_are_masked_for_display() {
        assertThat(IdNumber.of(VALID_WITH_X).masked()).isEqualTo("1101**********002X");
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.name("王晓燕")).isEqualTo("王**");
    }
}
