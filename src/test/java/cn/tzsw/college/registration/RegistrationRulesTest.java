package cn.tzsw.college.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.catalog.CourseAdminService;
import cn.tzsw.college.catalog.LectureData;
import cn.tzsw.college.security.SystemTasks;
import cn.tzsw.college.shared.BusinessRuleException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** Each refusal has its reason. */
class RegistrationRulesTest extends IntegrationTest {

    static final String VILLAGE = "331002001003";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    RegistrationService registrations;
    @Autowired
    CourseAdminService courses;

    private void refusedWith(String phone, long lectureId, String key) {
        assertThatThrownBy(() -> fixtures.as(phone, () -> registrations.register(lectureId)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void only_a_signed_in_trainee_registers() {
        long lectureId = fixtures.openLecture(5, Map.of());
        for (String staff : List.of("admin", "tz-coord")) {
            assertThatThrownBy(() -> fixtures.as(staff, () -> registrations.register(lectureId)))
                    .as(staff).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> registrations.register(lectureId))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(fixtures.count("SELECT COUNT(*) FROM registration WHERE lecture_id = ?", lectureId)).isZero();
    }

    @Test
    void registering_twice_is_refused() {
        String phone = fixtures.trainees(1, VILLAGE, false).getFirst();
        long lectureId = fixtures.openLecture(10, Map.of());
        fixtures.as(phone, () -> registrations.register(lectureId));
        refusedWith(phone, lectureId, "registration.already");
    }

    @Test
    void an_overlapping_lecture_is_refused() {
        String phone = fixtures.trainees(1, VILLAGE, false).getFirst();
        LocalDateTime start = LocalDateTime.now().plusDays(60).withHour(9).withMinute(0);
        long first = fixtures.openLecture(10, Map.of(), start);
        long second = fixtures.openLecture(10, Map.of(), start.plusHours(1));
        fixtures.as(phone, () -> registrations.register(first));
        refusedWith(phone, second, "registration.overlap");
    }

    @Test
    void a_recorded_lectures_viewing_window_clashes_with_no_lecture_in_the_room() {
        String phone = fixtures.trainees(1, VILLAGE, false).getFirst();
        LocalDateTime start = LocalDateTime.now().plusDays(70).withHour(9).withMinute(0);
        long recorded = fixtures.openLecture(10, Map.of(), start);
        jdbc.update("UPDATE course SET format = 'RECORDED_VIDEO' WHERE id = (SELECT course_id FROM lecture WHERE id = ?)",
                recorded);
        jdbc.update("UPDATE lecture SET ends_at = ? WHERE id = ?", start.plusDays(60), recorded);
        long inTheRoom = fixtures.openLecture(10, Map.of(), start.plusDays(3));

        assertThat(fixtures.as(phone, () -> registrations.register(recorded)).status())
                .isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(fixtures.as(phone, () -> registrations.register(inTheRoom)).status())
                .isEqualTo(RegistrationStatus.REGISTERED);
    }

    @Test
    void a_closed_registration_window_is_refused() {
        String phone = fixtures.trainees(1, VILLAGE, false).getFirst();
        long lectureId = fixtures.openLecture(10, Map.of());
        SystemTasks.runAsSystem(() -> {
            LectureData data = courses.editLecture(lectureId);
            data.setRegistrationOpens(LocalDateTime.now().plusDays(1));
            courses.updateLecture(lectureId, data, false);
            return null;
        });
        refusedWith(phone, lectureId, "registration.windowClosed");
    }

    @Test
    void a_trainee_outside_the_region_restriction_is_refused() {
        String jiaojiang = fixtures.trainees(1, VILLAGE, false).getFirst();
        long lectureId = fixtures.openLecture(10, Map.of());
        SystemTasks.runAsSystem(() -> {
            LectureData data = courses.editLecture(lectureId);
            data.setRegionRestriction("331082000000");
            courses.updateLecture(lectureId, data, false);
            return null;
        });
        refusedWith(jiaojiang, lectureId, "registration.outsideRegion");
    }

    @Test
    void a_full_county_quota_puts_the_trainee_on_the_waitlist() {
        List<String> phones = fixtures.trainees(2, VILLAGE, false);
        long lectureId = fixtures.openLecture(10, Map.of("331002000000", 1));
        assertThat(fixtures.as(phones.get(0), () -> registrations.register(lectureId)).status())
                .isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(fixtures.as(phones.get(1), () -> registrations.register(lectureId)).status())
                .isEqualTo(RegistrationStatus.WAITLISTED);
    }

    @Test
    void a_cancelled_registration_can_be_renewed_at_the_back_of_the_line() {
        List<String> phones = fixtures.trainees(3, VILLAGE, false);
        long lectureId = fixtures.openLecture(1, Map.of());
        fixtures.as(phones.get(0), () -> registrations.register(lectureId));
        fixtures.as(phones.get(1), () -> registrations.register(lectureId));
        fixtures.as(phones.get(1), () -> {
            registrations.cancel(lectureId);
            return null;
        });
        fixtures.as(phones.get(2), () -> registrations.register(lectureId));
        fixtures.as(phones.get(1), () -> registrations.register(lectureId));
        assertThat(fixtures.as(phones.get(1), () -> registrations.myRegistration(lectureId)).orElseThrow().positionInLine())
                .isEqualTo(2);
    }

    @Test
    void the_calendar_file_names_the_lecture_in_beijing_time() {
        long lectureId = fixtures.openLecture(10, Map.of());
        String phone = fixtures.trainees(1, VILLAGE, false).getFirst();
        var mine = fixtures.as(phone, () -> {
            registrations.register(lectureId);
            return registrations.myRegistration(lectureId).orElseThrow();
        });
        String ics = new String(LectureCalendar.ics(mine.lecture(), java.time.Instant.now()), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("DTSTART;TZID=Asia/Shanghai:").contains("测试课程")
                .contains("\r\n").contains("END:VCALENDAR");
        assertThat(ics.lines()).allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(75));
    }
}
