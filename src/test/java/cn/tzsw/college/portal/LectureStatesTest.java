package cn.tzsw.college.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.attendance.AttendanceMarks;
import cn.tzsw.college.attendance.AttendanceMethod;
import cn.tzsw.college.attendance.AttendanceStatus;
import cn.tzsw.college.attendance.domain.AttendanceRecordRepository;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.shared.LectureProgress;
import cn.tzsw.college.shared.LectureState;
import cn.tzsw.college.shared.LectureStates;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one lecture-state computation against the real database: every state is reachable from what the owners
 * record, the trainee and the administrator are told the same state, and nobody else's state is readable.
 */
class LectureStatesTest extends IntegrationTest {

    static final String VILLAGE = "331002001003";
    /** A village under another county (路桥区), outside the 椒江区 coordinator's subtree. */
    static final String OTHER_COUNTY_VILLAGE = "331004001002";

    @Autowired
    Fixtures fixtures;
    @Autowired
    LectureStates states;
    @Autowired
    RegistrationService registrations;
    @Autowired
    AttendanceMarks marks;
    @Autowired
    AttendanceRecordRepository records;
    @Autowired
    JdbcTemplate jdbc;

    long traineeId(String phone) {
        return jdbc.queryForObject("SELECT id FROM trainee WHERE phone = ?", Long.class, phone);
    }

    @Test
    void every_state_is_reachable_and_the_trainee_and_the_administrator_are_told_the_same() {
        long lecture = fixtures.openLecture(1, Map.of());
        List<String> phones = fixtures.trainees(8, VILLAGE, false);
        String registered = phones.get(0), waitlisted = phones.get(1), cancelled = phones.get(2),
                checkedIn = phones.get(3), watching = phones.get(4), absent = phones.get(5), completed = phones.get(6),
                excused = phones.get(7);
        fixtures.as(registered, () -> registrations.register(lecture));
        for (String phone : List.of(waitlisted, cancelled, checkedIn, watching, absent, completed, excused)) {
            fixtures.as(phone, () -> registrations.register(lecture));
        }
        fixtures.as(cancelled, () -> {
            registrations.cancel(lecture);
            return null;
        });
        // A mark that attends, before any hours are booked for it (as a roster upload leaves it).
        records.insertFirst(lecture, traineeId(checkedIn), AttendanceStatus.PRESENT, AttendanceMethod.GROUP_SITE,
                null, LocalDateTime.now(), "test");
        jdbc.update("""
                INSERT INTO watch_progress (trainee_id, lecture_id, intervals, credited_seconds, last_position, updated_at)
                VALUES (?, ?, '[[0,40]]', 40, 40, NOW(3))""", traineeId(watching), lecture);
        fixtures.as("admin", () -> {
            marks.mark(lecture, traineeId(absent), AttendanceStatus.ABSENT, "未到场");
            marks.mark(lecture, traineeId(excused), AttendanceStatus.EXCUSED, "病假");
            return null;
        });
        // Hours booked without the event, so no certificate follows: the state stays 已完成.
        jdbc.update("""
                INSERT INTO hours_entry (trainee_id, lecture_id, course_id, title, source, hours, earned_on, recorded_at,
                  recorded_by) SELECT ?, id, course_id, '测试课程', 'IN_PERSON', 2.0, CURDATE(), NOW(), 'test'
                FROM lecture WHERE id = ?""", traineeId(completed), lecture);

        Map<String, LectureState> expected = Map.of(registered, LectureState.REGISTERED,
                waitlisted, LectureState.WAITLISTED, cancelled, LectureState.CANCELLED,
                checkedIn, LectureState.CHECKED_IN, watching, LectureState.WATCHING, absent, LectureState.ABSENT,
                completed, LectureState.COMPLETED, excused, LectureState.EXCUSED);
        Map<Long, LectureState> onSheet = fixtures.as("admin", () -> states.ofLecture(lecture,
                phones.stream().map(this::traineeId).toList()));
        expected.forEach((phone, state) -> {
            assertThat(onSheet.get(traineeId(phone))).as(phone).isEqualTo(state);
            Map<Long, LectureProgress> mine = fixtures.as(phone, () -> states.mine(List.of(lecture)));
            assertThat(mine.get(lecture).state()).as(phone).isEqualTo(state);
            assertThat(fixtures.as("admin", () -> states.ofTrainee(traineeId(phone), List.of(lecture))).get(lecture))
                    .as(phone).isEqualTo(state);
        });
    }

    @Test
    void an_attended_lecture_is_completed_at_once_and_certified_once_its_certificate_is_issued() {
        long lecture = fixtures.openLecture(5, Map.of());
        String phone = fixtures.trainees(1, VILLAGE, false).getFirst();
        long trainee = traineeId(phone);
        fixtures.as(phone, () -> registrations.register(lecture));
        fixtures.as("admin", () -> {
            marks.mark(lecture, trainee, AttendanceStatus.PRESENT, "补登");
            return null;
        });
        assertThat(fixtures.as(phone, () -> states.mine(List.of(lecture))).get(lecture).state())
                .isIn(LectureState.COMPLETED, LectureState.CERTIFIED);
        await("the completion certificate").atMost(Duration.ofSeconds(30)).until(
                () -> fixtures.as(phone, () -> states.mine(List.of(lecture))).get(lecture).state(),
                LectureState.CERTIFIED::equals);
        assertThat(fixtures.as("admin", () -> states.ofLecture(lecture, List.of(trainee))).get(trainee))
                .isEqualTo(LectureState.CERTIFIED);
    }

    @Test
    void a_coordinator_reads_no_state_of_a_trainee_outside_the_region() {
        long lecture = fixtures.openLecture(5, Map.of());
        long outside = traineeId(fixtures.trainees(1, OTHER_COUNTY_VILLAGE, false).getFirst());
        assertThatThrownBy(() -> fixtures.as("jj-coord", () -> states.ofTrainee(outside, List.of(lecture))))
                .isInstanceOf(AccessDeniedException.class);
    }
}
