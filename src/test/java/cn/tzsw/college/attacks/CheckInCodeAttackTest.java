package cn.tzsw.college.attacks;

import static cn.tzsw.college.TryAgainTimes.TRY_AGAIN_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.attendance.CheckIns;
import cn.tzsw.college.attendance.LecturesUnderway;
import cn.tzsw.college.security.SystemTasks;
import cn.tzsw.college.shared.BusinessRuleException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Issue 13, findings 7 and 9 (typed code): the six digits beside the room's QR cannot be guessed without limit.
 * After five wrong codes for a lecture even the right code is refused for a while, and the trainee is told until
 * when; a wrong typed code is explained as a typed code. The check sits in the service, which the check-in page
 * and any script go through alike.
 */
class CheckInCodeAttackTest extends IntegrationTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    LecturesUnderway lectures;
    @Autowired
    CheckIns checkIns;
    @Autowired
    MessageSource messages;

    private String rightCode(long lectureId) {
        return SystemTasks.runAsSystem(() -> checkIns.roomCode(lectureId)).shortCode();
    }

    private static String wrong(String code, int i) {
        return "%06d".formatted((Integer.parseInt(code) + 1 + i) % 1_000_000);
    }

    private BusinessRuleException refusal(String phone, long lectureId, String code) {
        try {
            fixtures.as(phone, () -> checkIns.checkInWithCode(lectureId, code));
        } catch (BusinessRuleException e) {
            return e;
        }
        throw new AssertionError("the code " + code + " was accepted");
    }

    private String chinese(BusinessRuleException e) {
        return messages.getMessage(e.messageKey(), e.arguments(), Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void a_wrong_typed_code_is_explained_as_a_typed_code() {
        LecturesUnderway.Lecture lecture = lectures.startedMinutesAgo(5,
                fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false));

        String text = chinese(refusal(lecture.trainees().get(0), lecture.id(), wrong(rightCode(lecture.id()), 0)));

        assertThat(text).contains("签到码不正确").contains("六位数字").doesNotContain("扫描");
    }

    @Test
    void after_five_wrong_codes_even_the_right_code_is_refused_with_the_time_to_try_again() {
        LecturesUnderway.Lecture lecture = lectures.startedMinutesAgo(5,
                fixtures.trainees(2, LecturesUnderway.JIAOJIANG_VILLAGE, false));
        String guesser = lecture.trainees().get(0);
        String right = rightCode(lecture.id());
        for (int i = 0; i < 5; i++) {
            refusal(guesser, lecture.id(), wrong(right, i));
        }

        BusinessRuleException refused = refusal(guesser, lecture.id(), rightCode(lecture.id()));

        assertThat(chinese(refused)).contains("错误次数过多").containsPattern(TRY_AGAIN_AT);
        assertThat(fixtures.count("SELECT COUNT(*) FROM attendance_record WHERE lecture_id = ?", lecture.id())).isZero();
        // The limit is the guesser's: a neighbour typing the right code checks in.
        assertThat(fixtures.as(lecture.trainees().get(1),
                () -> checkIns.checkInWithCode(lecture.id(), rightCode(lecture.id()))).newlyRecorded()).isTrue();
    }

    @Test
    void a_locked_trainee_is_refused_before_the_code_is_even_compared() {
        LecturesUnderway.Lecture lecture = lectures.startedMinutesAgo(5,
                fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false));
        String guesser = lecture.trainees().get(0);
        for (int i = 0; i < 5; i++) {
            refusal(guesser, lecture.id(), wrong(rightCode(lecture.id()), i));
        }

        assertThatThrownBy(() -> fixtures.as(guesser, () -> checkIns.checkInWithCode(lecture.id(), "12345x")))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(chinese(e)).contains("错误次数过多"));
    }
}
