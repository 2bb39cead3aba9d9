package cn.tzsw.college.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.TestClock;
import cn.tzsw.college.attendance.domain.Beat;
import cn.tzsw.college.attendance.heartbeat.HeartbeatReply;
import cn.tzsw.college.attendance.heartbeat.WatchService;
import cn.tzsw.college.audit.AuditTrail;
import cn.tzsw.college.security.SystemTasks;
import cn.tzsw.college.shared.BusinessRuleException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;

/**
 * In-person check-in by room code, marks by hand, group viewing sites, and the mark a completed video leaves, on the
 * real database.
 */
class AttendanceCheckInTest extends IntegrationTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    LecturesUnderway lectures;
    @Autowired
    CheckIns checkIns;
    @Autowired
    AttendanceMarks marks;
    @Autowired
    ViewingSites viewingSites;
    @Autowired
    LectureSetup setup;
    @Autowired
    CheckInCodes codes;
    @Autowired
    WatchService watching;
    @Autowired
    TestClock clock;
    @Autowired
    AuditTrail audit;

    private String token(long lectureId) {
        return SystemTasks.runAsSystem(() -> checkIns.roomCode(lectureId)).checkInUrl().replaceAll(".*code=", "");
    }

    private int hoursEntries(String phone, long lectureId) {
        return fixtures.count("SELECT COUNT(*) FROM hours_entry h JOIN trainee t ON t.id = h.trainee_id"
                + " WHERE t.phone = ? AND h.lecture_id = ?", phone, lectureId);
    }

    @Test
    void a_registered_trainee_checks_in_once_by_the_room_code_and_repeating_changes_nothing() throws Exception {
        LecturesUnderway.Lecture lecture = lectures.startedMinutesAgo(5,
                fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false));
        String phone = lecture.trainees().get(0);
        String token = token(lecture.id());

        CheckInResult first = fixtures.as(phone, () -> checkIns.checkIn(token));
        CheckInResult again = fixtures.as(phone, () -> checkIns.checkIn(token));

        assertThat(first.status()).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(first.newlyRecorded()).isTrue();
        assertThat(again.newlyRecorded()).isFalse();
        assertThat(fixtures.count("SELECT COUNT(*) FROM attendance_record WHERE lecture_id = ?", lecture.id())).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> hoursEntries(phone, lecture.id()) == 1);
    }

    @Test
    void the_short_code_beside_the_qr_works_and_a_late_arrival_is_marked_late() {
        LecturesUnderway.Lecture lecture = lectures.startedMinutesAgo(40,
                fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false));
        String shortCode = SystemTasks.runAsSystem(() -> checkIns.roomCode(lecture.id())).shortCode();

        CheckInResult result = fixtures.as(lecture.trainees().get(0),
                () -> checkIns.checkInWithCode(lecture.id(), shortCode));

        assertThat(result.status()).isEqualTo(AttendanceStatus.LATE);
    }

    @Test
    void a_qr_code_from_five_minutes_ago_is_refused() {
        LecturesUnderway.Lecture lecture = lectures.startedMinutesAgo(5,
                fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false));
        long fiveMinutesAgo = codes.currentSlot() - 10;
        String old = codes.token(new CheckInCodes.Target('L', lecture.id()), fiveMinutesAgo);
        String previousSlot = codes.token(new CheckInCodes.Target('L', lecture.id()), codes.currentSlot() - 1);

        assertThatThrownBy(() -> fixtures.as(lecture.trainees().get(0), () -> checkIns.checkIn(old)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("attendance.codeInvalid");
        assertThat(fixtures.as(lecture.trainees().get(0), () -> checkIns.checkIn(previousSlot)).newlyRecorded())
                .as("one slot of grace").isTrue();
    }

    @Test
    void a_code_of_another_lecture_or_a_forged_one_is_refused() {
        List<String> phones = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false);
        LecturesUnderway.Lecture here = lectures.startedMinutesAgo(5, phones);
        LecturesUnderway.Lecture elsewhere = lectures.startedMinutesAgo(5, List.of());
        String otherShortCode = SystemTasks.runAsSystem(() -> checkIns.roomCode(elsewhere.id())).shortCode();
        String forged = token(elsewhere.id()).replaceFirst("L" + elsewhere.id(), "L" + here.id());

        assertThatThrownBy(() -> fixtures.as(phones.get(0), () -> checkIns.checkInWithCode(here.id(), otherShortCode)))
                .isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> fixtures.as(phones.get(0), () -> checkIns.checkIn(forged)))
                .isInstanceOf(BusinessRuleException.class);
        assertThat(fixtures.count("SELECT COUNT(*) FROM attendance_record WHERE lecture_id = ?", here.id())).isZero();
    }

    @Test
    void check_in_for_a_lecture_without_registration_is_refused_unless_walk_ins_are_allowed() {
        String walkIn = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false).get(0);
        LecturesUnderway.Lecture lecture = lectures.startedMinutesAgo(5, List.of());
        String token = token(lecture.id());

        assertThatThrownBy(() -> fixtures.as(walkIn, () -> checkIns.checkIn(token)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("attendance.notRegistered");

        SystemTasks.runAsSystem(() -> {
            setup.allowWalkIns(lecture.id(), true);
            return null;
        });
        assertThat(fixtures.as(walkIn, () -> checkIns.checkIn(token)).status()).isEqualTo(AttendanceStatus.PRESENT);
    }

    @Test
    void check_in_long_before_the_lecture_is_refused() {
        LecturesUnderway.Lecture lecture = lectures.startedMinutesAgo(-180,
                fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false));
        String token = token(lecture.id());

        assertThatThrownBy(() -> fixtures.as(lecture.trainees().get(0), () -> checkIns.checkIn(token)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("attendance.outsideWindow");
    }

    @Test
    void marks_by_hand_need_a_reason_are_audited_old_to_new_and_book_hours_once() throws Exception {
        LecturesUnderway.Lecture lecture = lectures.startedMinutesAgo(5,
                fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false));
        String phone = lecture.trainees().get(0);
        long traineeId = fixtures.count("SELECT id FROM trainee WHERE phone = ?", phone);

        assertThatThrownBy(() -> SystemTasks.runAsSystem(() -> {
            marks.mark(lecture.id(), traineeId, AttendanceStatus.PRESENT, " ");
            return null;
        })).isInstanceOf(BusinessRuleException.class).hasMessageContaining("attendance.reasonRequired");
        for (AttendanceStatus status : List.of(AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.LATE)) {
            SystemTasks.runAsSystem(() -> {
                marks.mark(lecture.id(), traineeId, status, "纸质签到表核对");
                return null;
            });
        }

        assertThat(SystemTasks.runAsSystem(() -> audit.of("attendance", lecture.id() + ":" + traineeId)))
                .extracting(e -> e.detail())
                .containsExactly("ABSENT -> LATE: 纸质签到表核对", "PRESENT -> ABSENT: 纸质签到表核对",
                        "- -> PRESENT: 纸质签到表核对");
        assertThat(SystemTasks.runAsSystem(() -> marks.sheet(lecture.id(), PageRequest.of(0, 10))).getContent())
                .singleElement().satisfies(row -> assertThat(row.status()).isEqualTo(AttendanceStatus.LATE));
        // Booked once, and no second booking follows.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(20))
                .until(() -> hoursEntries(phone, lecture.id()) == 1);
    }

    @Test
    void a_coordinator_records_group_attendance_inside_their_region_only() {
        List<String> jiaojiang = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false);
        List<String> huangyan = fixtures.trainees(1, LecturesUnderway.HUANGYAN_TOWNSHIP, false);
        LecturesUnderway.Lecture lecture = lectures.startedMinutesAgo(5,
                List.of(jiaojiang.get(0), huangyan.get(0)));
        lectures.makeLive(lecture.id(), "https://live.example.cn/lecture.m3u8");
        ViewingSiteData site = new ViewingSiteData();
        site.setRegionCode("331002001000");
        site.setName("海门街道社工站");
        site.setAddress("椒江区海门街道 1 号");
        long siteId = fixtures.as("jj-coord", () -> viewingSites.createSite(lecture.id(), site));
        long own = fixtures.count("SELECT id FROM trainee WHERE phone = ?", jiaojiang.get(0));
        long foreign = fixtures.count("SELECT id FROM trainee WHERE phone = ?", huangyan.get(0));

        assertThat(fixtures.as("jj-coord", () -> viewingSites.siteCandidates(siteId)))
                .extracting(AttendanceRow::traineeId).containsExactly(own);
        assertThatThrownBy(() -> fixtures.as("jj-coord", () -> viewingSites.recordAtSite(siteId, List.of(foreign))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.as("jj-coord", () -> viewingSites.recordAtSite(siteId, List.of(own)))).isEqualTo(1);
        assertThat(fixtures.count("SELECT COUNT(*) FROM attendance_record WHERE lecture_id = ? AND method = 'GROUP_SITE'"
                + " AND site_id = ?", lecture.id(), siteId)).isEqualTo(1);

        ViewingSiteData abroad = new ViewingSiteData();
        abroad.setRegionCode(LecturesUnderway.HUANGYAN_TOWNSHIP);
        abroad.setName("东城街道");
        abroad.setAddress("黄岩区");
        assertThatThrownBy(() -> fixtures.as("jj-coord", () -> viewingSites.createSite(lecture.id(), abroad)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as("hm-coord", () -> viewingSites.siteCandidates(siteId + 1000)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_trainee_checks_in_at_a_viewing_site_by_its_code() {
        LecturesUnderway.Lecture lecture = lectures.startedMinutesAgo(5,
                fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false));
        lectures.makeLive(lecture.id(), "https://live.example.cn/lecture.m3u8");
        ViewingSiteData site = new ViewingSiteData();
        site.setRegionCode("331002001000");
        site.setName("海门街道社工站");
        site.setAddress("椒江区海门街道 1 号");
        long siteId = fixtures.as("jj-coord", () -> viewingSites.createSite(lecture.id(), site));
        String token = fixtures.as("jj-coord", () -> viewingSites.siteCode(siteId)).checkInUrl().replaceAll(".*code=", "");

        CheckInResult result = fixtures.as(lecture.trainees().get(0), () -> checkIns.checkIn(token));

        assertThat(result.newlyRecorded()).isTrue();
        assertThat(fixtures.count("SELECT COUNT(*) FROM attendance_record WHERE site_id = ?", siteId)).isEqualTo(1);
    }

    @Test
    void a_completed_video_marks_the_trainee_present_by_video_on_the_sheet() {
        List<String> phones = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false);
        LecturesUnderway.Lecture lecture = lectures.startedMinutesAgo(-60 * 24, phones);
        SystemTasks.runAsSystem(() -> {
            setup.linkVideo(lecture.id(), "https://video.example.cn/lecture.mp4", 4);
            return null;
        });
        String token = fixtures.as(phones.get(0), () -> watching.start(lecture.id())).token();
        clock.advance(Duration.ofMillis(4500));

        HeartbeatReply reply = fixtures.as(phones.get(0),
                () -> watching.beat(token, new Beat(1, 0, 4, true, false, 1)));

        assertThat(reply.completed()).isTrue();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                SystemTasks.runAsSystem(() -> marks.sheet(lecture.id(), PageRequest.of(0, 10))).getContent())
                .singleElement().satisfies(row -> {
                    assertThat(row.status()).isEqualTo(AttendanceStatus.PRESENT);
                    assertThat(row.method()).isEqualTo(AttendanceMethod.VIDEO);
                }));
    }
}
