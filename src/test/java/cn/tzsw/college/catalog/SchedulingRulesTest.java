package cn.tzsw.college.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.registration.RegistrationStatus;
import cn.tzsw.college.security.AccountService;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.security.StaffAccountData;
import cn.tzsw.college.shared.BusinessRuleException;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/** Scheduling rules and bad input: a clear refusal, nothing saved. */
@WithUserDetails("admin")
class SchedulingRulesTest extends IntegrationTest {

    @Autowired
    CourseAdminService courses;
    @Autowired
    CatalogService catalog;
    @Autowired
    RegistrationService registrations;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AccountService accounts;

    private CourseData course(String instructor) {
        CourseData data = new CourseData();
        data.setTitle("规则测试课程");
        data.setSummary("用于测试排课规则");
        data.setCategoryId(1L);
        data.setCreditHours(new BigDecimal("1.5"));
        data.setFormat(CourseFormat.IN_PERSON);
        data.setOrganiserCode("331000000000");
        data.setInstructors(new ArrayList<>(List.of(new CourseData.InstructorData(instructor, null, null))));
        return data;
    }

    private LectureData lecture(String venue, LocalDateTime start) {
        LectureData data = new LectureData();
        data.setStartsAt(start);
        data.setEndsAt(start.plusHours(2));
        data.setVenue(venue);
        data.setCapacity(20);
        data.setRegistrationOpens(LocalDateTime.now().minusDays(1));
        data.setRegistrationCloses(start.minusHours(1));
        data.setCancellationDeadline(start.minusHours(1));
        return data;
    }

    private int lectureCount() {
        return fixtures.count("SELECT COUNT(*) FROM lecture");
    }

    private void refused(Consumer<LectureData> change, String expectedKeyOrNull) {
        long courseId = courses.createCourse(course("规则讲师" + System.nanoTime()));
        LectureData data = lecture("规则教室" + System.nanoTime(), LocalDateTime.now().plusDays(40));
        change.accept(data);
        int before = lectureCount();
        var thrown = assertThatThrownBy(() -> courses.scheduleLecture(courseId, data));
        if (expectedKeyOrNull == null) {
            thrown.isInstanceOf(ConstraintViolationException.class);
        } else {
            thrown.isInstanceOfSatisfying(BusinessRuleException.class,
                    e -> assertThat(e.messageKey()).isEqualTo(expectedKeyOrNull));
        }
        assertThat(lectureCount()).as("nothing saved").isEqualTo(before);
    }

    @Test
    void a_lecture_in_the_past_is_refused() {
        refused(d -> {
            d.setStartsAt(LocalDateTime.now().minusDays(1));
            d.setEndsAt(LocalDateTime.now().minusDays(1).plusHours(2));
            d.setRegistrationCloses(LocalDateTime.now().minusDays(2));
            d.setRegistrationOpens(LocalDateTime.now().minusDays(3));
            d.setCancellationDeadline(LocalDateTime.now().minusDays(2));
        }, "lecture.startsInPast");
    }

    @Test
    void zero_or_negative_capacity_is_refused() {
        refused(d -> d.setCapacity(0), null);
        refused(d -> d.setCapacity(-5), null);
    }

    @Test
    void the_end_must_follow_the_start_and_registration_close_before_it() {
        refused(d -> d.setEndsAt(d.getStartsAt().minusMinutes(1)), null);
        refused(d -> d.setRegistrationCloses(d.getStartsAt().plusHours(1)), null);
    }

    @Test
    void an_in_person_lecture_needs_a_venue() {
        refused(d -> d.setVenue(" "), "lecture.venue.required");
    }

    @Test
    void over_long_text_is_refused() {
        refused(d -> d.setVenue("室".repeat(121)), null);
        CourseData data = course("长标题讲师");
        data.setTitle("题".repeat(121));
        assertThatThrownBy(() -> courses.createCourse(data)).isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void credit_hours_come_in_half_steps() {
        CourseData data = course("学时讲师");
        data.setCreditHours(new BigDecimal("1.3"));
        assertThatThrownBy(() -> courses.createCourse(data)).isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void html_is_stored_as_plain_text_and_returned_unchanged() {
        CourseData data = course("文本讲师");
        data.setTitle("<script>alert('x')</script>课程");
        long courseId = courses.createCourse(data);
        assertThat(courses.edit(courseId).getTitle()).isEqualTo("<script>alert('x')</script>课程");
    }

    @Test
    void a_venue_cannot_hold_two_overlapping_lectures() {
        LocalDateTime start = LocalDateTime.now().plusDays(50).withHour(9).withMinute(0);
        long first = courses.createCourse(course("场地讲师甲"));
        courses.publish(first);
        courses.scheduleLecture(first, lecture("冲突测试教室", start));
        long second = courses.createCourse(course("场地讲师乙"));
        assertThatThrownBy(() -> courses.scheduleLecture(second, lecture("冲突测试教室", start.plusHours(1))))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("lecture.venueClash");
                    assertThat(e.arguments()).contains("冲突测试教室", "规则测试课程");
                });
    }

    @Test
    void an_instructor_cannot_give_two_overlapping_lectures() {
        LocalDateTime start = LocalDateTime.now().plusDays(51).withHour(9).withMinute(0);
        long first = courses.createCourse(course("分身讲师"));
        courses.scheduleLecture(first, lecture("讲师教室甲", start));
        long second = courses.createCourse(course("分身讲师"));
        assertThatThrownBy(() -> courses.scheduleLecture(second, lecture("讲师教室乙", start.plusMinutes(30))))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("lecture.instructorClash"));
    }

    @Test
    void an_unknown_lecture_id_gets_a_clear_message() {
        assertThatThrownBy(() -> catalog.get(987_654_321L)).isInstanceOfSatisfying(BusinessRuleException.class,
                e -> assertThat(e.messageKey()).isEqualTo("lecture.unknown"));
        assertThatThrownBy(() -> courses.cancelLecture(987_654_321L)).isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void capacity_below_registrations_is_refused_unless_the_overflow_goes_to_the_waitlist() {
        List<String> phones = fixtures.trainees(3, "331002001003", false);
        long lectureId = fixtures.openLecture(3, Map.of());
        phones.forEach(phone -> fixtures.as(phone, () -> registrations.register(lectureId)));
        LectureData smaller = courses.editLecture(lectureId);
        smaller.setCapacity(1);

        assertThatThrownBy(() -> courses.updateLecture(lectureId, smaller, false))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("lecture.capacityBelowRegistrations"));
        assertThat(catalog.get(lectureId).capacity()).isEqualTo(3);

        courses.updateLecture(lectureId, smaller, true);
        assertThat(catalog.get(lectureId).taken()).isEqualTo(1);
        assertThat(fixtures.as(phones.get(0), () -> registrations.myRegistration(lectureId)).orElseThrow().status())
                .isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(fixtures.as(phones.get(2), () -> registrations.myRegistration(lectureId)).orElseThrow().status())
                .as("latest registration moved first").isEqualTo(RegistrationStatus.WAITLISTED);

        LectureData larger = courses.editLecture(lectureId);
        larger.setCapacity(3);
        courses.updateLecture(lectureId, larger, false);
        assertThat(catalog.get(lectureId).taken()).as("raised capacity promotes the line").isEqualTo(3);
    }

    @Test
    @WithUserDetails("jj-coord")
    void only_administrators_schedule() {
        assertThatThrownBy(() -> courses.createCourse(course("越权讲师"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_county_school_administrator_manages_only_its_own_courses() {
        if (fixtures.count("SELECT COUNT(*) FROM user_account WHERE username = 'lq-school-admin'") == 0) {
            StaffAccountData staff = new StaffAccountData();
            staff.setUsername("lq-school-admin");
            staff.setDisplayName("路桥分校管理员");
            staff.setRole(Role.ADMIN);
            staff.setRegionCode("331004000000");
            staff.setPassword("School@2026");
            accounts.createStaff(staff);
        }
        long collegeCourse = courses.createCourse(course("学院讲师"));
        fixtures.as("lq-school-admin", () -> {
            assertThatThrownBy(() -> courses.publish(collegeCourse)).isInstanceOf(AccessDeniedException.class);
            CourseData own = course("路桥讲师");
            own.setOrganiserCode("331004000000");
            courses.publish(courses.createCourse(own));
            assertThat(courses.courses("", PageRequest.of(0, 50)).getContent())
                    .isNotEmpty().allSatisfy(c -> assertThat(c.organiserCode()).isEqualTo("331004000000"));
            return null;
        });
    }
}
