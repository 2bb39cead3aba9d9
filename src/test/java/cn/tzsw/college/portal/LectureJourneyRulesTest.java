package cn.tzsw.college.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.attendance.AttendanceFacts;
import cn.tzsw.college.attendance.AttendanceMethod;
import cn.tzsw.college.attendance.AttendanceProperties;
import cn.tzsw.college.attendance.AttendanceStatus;
import cn.tzsw.college.attendance.AttendanceWindows;
import cn.tzsw.college.catalog.Category;
import cn.tzsw.college.catalog.CourseFormat;
import cn.tzsw.college.catalog.CourseStatus;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.catalog.LectureStatus;
import cn.tzsw.college.registration.RegistrationStatus;
import cn.tzsw.college.shared.LectureAction;
import cn.tzsw.college.shared.LectureState;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lecture-state rule and the action each state offers, as the rule book reads (no database). */
class LectureJourneyRulesTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 10, 9, 0);
    /** The default check-in margin, 30 minutes. */
    private static final AttendanceWindows WINDOWS = new AttendanceWindows(new AttendanceProperties());

    @Test
    void a_certificate_outranks_booked_hours_which_outrank_a_cancellation() {
        assertThat(LectureJourney.decide(RegistrationStatus.REGISTERED, present(), true, true))
                .isEqualTo(LectureState.CERTIFIED);
        assertThat(LectureJourney.decide(RegistrationStatus.CANCELLED, null, true, false))
                .isEqualTo(LectureState.COMPLETED);
        assertThat(LectureJourney.decide(RegistrationStatus.CANCELLED, null, false, false))
                .isEqualTo(LectureState.CANCELLED);
    }

    @Test
    void a_completed_watch_is_completed_and_a_begun_one_is_watching() {
        assertThat(LectureJourney.decide(RegistrationStatus.REGISTERED, watched(600, true), false, false))
                .isEqualTo(LectureState.COMPLETED);
        assertThat(LectureJourney.decide(RegistrationStatus.REGISTERED, watched(300, false), false, false))
                .isEqualTo(LectureState.WATCHING);
    }

    @Test
    void a_mark_that_attends_is_checked_in_an_excused_one_is_excused_and_an_absent_one_is_absent() {
        assertThat(LectureJourney.decide(RegistrationStatus.REGISTERED, present(), false, false))
                .isEqualTo(LectureState.CHECKED_IN);
        assertThat(LectureJourney.decide(RegistrationStatus.REGISTERED, marked(AttendanceStatus.EXCUSED), false, false))
                .isEqualTo(LectureState.EXCUSED);
        assertThat(LectureJourney.decide(RegistrationStatus.REGISTERED, marked(AttendanceStatus.ABSENT), false, false))
                .isEqualTo(LectureState.ABSENT);
    }

    @Test
    void hours_booked_after_an_excuse_make_the_lecture_completed() {
        assertThat(LectureJourney.decide(RegistrationStatus.REGISTERED, marked(AttendanceStatus.EXCUSED), true, false))
                .isEqualTo(LectureState.COMPLETED);
    }

    @Test
    void without_attendance_the_registration_speaks_and_nothing_known_is_no_state() {
        assertThat(LectureJourney.decide(RegistrationStatus.REGISTERED, null, false, false))
                .isEqualTo(LectureState.REGISTERED);
        assertThat(LectureJourney.decide(RegistrationStatus.WAITLISTED, AttendanceFacts.Standing.none(7), false, false))
                .isEqualTo(LectureState.WAITLISTED);
        assertThat(LectureJourney.decide(null, null, false, false)).isNull();
    }

    @Test
    void an_in_person_lecture_offers_check_in_from_the_margin_before_its_start_and_not_hours_ahead() {
        LectureInfo lecture = lecture(CourseFormat.IN_PERSON, LectureStatus.SCHEDULED);
        assertThat(LectureJourney.action(lecture, LectureState.REGISTERED, false, START.minusMinutes(20), WINDOWS))
                .isEqualTo(LectureAction.CHECK_IN);
        assertThat(LectureAction.CHECK_IN.href(7)).isEqualTo("checkin?lecture=7");
        assertThat(LectureJourney.action(lecture, LectureState.REGISTERED, false, START.minusHours(2), WINDOWS))
                .isNull();
    }

    @Test
    void a_recorded_lecture_is_watched_and_then_continued_while_its_dates_run() {
        LectureInfo lecture = lecture(CourseFormat.RECORDED_VIDEO, LectureStatus.SCHEDULED);
        assertThat(LectureJourney.action(lecture, LectureState.REGISTERED, false, START.plusHours(1), WINDOWS))
                .isEqualTo(LectureAction.WATCH);
        assertThat(LectureJourney.action(lecture, LectureState.WATCHING, true, START.plusHours(1), WINDOWS))
                .isEqualTo(LectureAction.RESUME);
        assertThat(LectureAction.RESUME.href(7)).isEqualTo("watch/7");
        assertThat(LectureJourney.action(lecture, LectureState.REGISTERED, false, START.plusDays(20), WINDOWS))
                .isNull();
    }

    @Test
    void nothing_is_offered_once_attended_in_line_or_on_a_cancelled_lecture() {
        LectureInfo lecture = lecture(CourseFormat.IN_PERSON, LectureStatus.SCHEDULED);
        for (LectureState state : List.of(LectureState.WAITLISTED, LectureState.CHECKED_IN, LectureState.COMPLETED,
                LectureState.CERTIFIED, LectureState.CANCELLED, LectureState.ABSENT, LectureState.EXCUSED)) {
            assertThat(LectureJourney.action(lecture, state, false, START, WINDOWS)).as(state.name()).isNull();
        }
        assertThat(LectureJourney.action(lecture(CourseFormat.IN_PERSON, LectureStatus.CANCELLED),
                LectureState.REGISTERED, false, START, WINDOWS)).isNull();
    }

    private static AttendanceFacts.Standing present() {
        return marked(AttendanceStatus.PRESENT);
    }

    private static AttendanceFacts.Standing marked(AttendanceStatus mark) {
        return new AttendanceFacts.Standing(7, mark, AttendanceMethod.IN_PERSON, 0, false);
    }

    private static AttendanceFacts.Standing watched(double seconds, boolean completed) {
        return new AttendanceFacts.Standing(7, null, null, seconds, completed);
    }

    private static LectureInfo lecture(CourseFormat format, LectureStatus status) {
        return new LectureInfo(7, 3, "社会工作伦理", "", new Category(1, "专业", "Professional"),
                new BigDecimal("2"), format, "331000000000", List.of(), Set.of(), CourseStatus.PUBLISHED, START,
                START.plusDays(format == CourseFormat.RECORDED_VIDEO ? 14 : 0).plusHours(2),
                format == CourseFormat.IN_PERSON ? "教室" : null, null, null, 30, 1, START.minusDays(10),
                START.minusHours(1), START.minusHours(2), null, Map.of(), status);
    }
}
