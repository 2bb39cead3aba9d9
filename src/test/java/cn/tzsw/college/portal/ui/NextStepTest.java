package cn.tzsw.college.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.attendance.AttendanceStatus;
import cn.tzsw.college.attendance.MyAttendance;
import cn.tzsw.college.catalog.Category;
import cn.tzsw.college.catalog.CourseFormat;
import cn.tzsw.college.catalog.CourseStatus;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.catalog.LectureStatus;
import cn.tzsw.college.registration.MyLecture;
import cn.tzsw.college.registration.RegistrationStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The action the home page offers for a registered lecture, as the rule book reads. */
class NextStepTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 10, 9, 0);
    private static final Duration MARGIN = Duration.ofMinutes(30);

    @Test
    void an_in_person_lecture_offers_check_in_from_the_margin_before_its_start() {
        NextStep step = step(CourseFormat.IN_PERSON, RegistrationStatus.REGISTERED, nothing(), false, START.minusMinutes(20));
        assertThat(step.actionKey()).isEqualTo("home.action.checkIn");
        assertThat(step.href()).isEqualTo("checkin?lecture=7");
    }

    @Test
    void an_in_person_lecture_hours_ahead_only_says_it_is_upcoming() {
        NextStep step = step(CourseFormat.IN_PERSON, RegistrationStatus.REGISTERED, nothing(), false, START.minusHours(2));
        assertThat(step.stateKey()).isEqualTo("home.state.upcoming");
        assertThat(step.actionKey()).isNull();
    }

    @Test
    void a_checked_in_trainee_has_nothing_left_to_do() {
        MyAttendance.Standing present = new MyAttendance.Standing(7, AttendanceStatus.PRESENT, 0, false);
        NextStep step = step(CourseFormat.IN_PERSON, RegistrationStatus.REGISTERED, present, false, START.plusMinutes(5));
        assertThat(step.stateKey()).isEqualTo("home.state.checkedIn");
        assertThat(step.actionKey()).isNull();
    }

    @Test
    void a_recorded_lecture_is_watched_and_then_continued() {
        NextStep fresh = step(CourseFormat.RECORDED_VIDEO, RegistrationStatus.REGISTERED, nothing(), false, START.plusHours(1));
        assertThat(fresh.actionKey()).isEqualTo("home.action.watch");
        assertThat(fresh.unwatched()).isTrue();
        MyAttendance.Standing halfway = new MyAttendance.Standing(7, null, 300, false);
        NextStep started = step(CourseFormat.RECORDED_VIDEO, RegistrationStatus.REGISTERED, halfway, false, START.plusHours(1));
        assertThat(started.stateKey()).isEqualTo("home.state.watching");
        assertThat(started.actionKey()).isEqualTo("home.action.resume");
        assertThat(started.unwatched()).isFalse();
    }

    @Test
    void a_completed_lecture_and_a_place_in_line_offer_no_action() {
        assertThat(step(CourseFormat.RECORDED_VIDEO, RegistrationStatus.REGISTERED, nothing(), true, START.plusHours(1))
                .stateKey()).isEqualTo("home.state.completed");
        NextStep waiting = step(CourseFormat.IN_PERSON, RegistrationStatus.WAITLISTED, nothing(), false, START);
        assertThat(waiting.stateKey()).isEqualTo("home.state.waitlisted");
        assertThat(waiting.actionKey()).isNull();
    }

    private static MyAttendance.Standing nothing() {
        return new MyAttendance.Standing(7, null, 0, false);
    }

    private static NextStep step(CourseFormat format, RegistrationStatus status, MyAttendance.Standing standing,
                                 boolean booked, LocalDateTime now) {
        LectureInfo lecture = new LectureInfo(7, 3, "社会工作伦理", "", new Category(1, "专业", "Professional"),
                new BigDecimal("2"), format, "331000000000", List.of(), Set.of(), CourseStatus.PUBLISHED, START,
                START.plusDays(format == CourseFormat.RECORDED_VIDEO ? 14 : 0).plusHours(2),
                format == CourseFormat.IN_PERSON ? "教室" : null, null, null, 30, 1, START.minusDays(10),
                START.minusHours(1), START.minusHours(2), null, Map.of(), LectureStatus.SCHEDULED);
        return NextStep.of(new MyLecture(1, status, status == RegistrationStatus.WAITLISTED ? 1 : 0, lecture), standing,
                booked, now, MARGIN);
    }
}
