package cn.tzsw.college.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.attendance.CheckIns;
import cn.tzsw.college.attendance.LecturesUnderway;
import cn.tzsw.college.attendance.ViewingSiteData;
import cn.tzsw.college.attendance.ViewingSites;
import cn.tzsw.college.shared.BusinessRuleException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13, finding 5 (first half): a viewing site (集中收看点) records attendance only from the lecture's start
 * (less the check-in margin) until {@code app.attendance.site-recording-window} (3 days) after its end, on the real
 * database: not for a lecture two weeks ahead, still the morning after, no longer a week later.
 */
class ViewingSiteWindowAttackTest extends IntegrationTest {

    private static final int DAY = 24 * 60;

    @Autowired
    Fixtures fixtures;
    @Autowired
    LecturesUnderway lectures;
    @Autowired
    ViewingSites viewingSites;
    @Autowired
    CheckIns checkIns;
    @Autowired
    JdbcTemplate jdbc;

    private record Site(long id, long lectureId, long traineeId, String phone) {
    }

    /** A live lecture that started {@code minutesAgo} minutes ago, a registered trainee of 椒江区 and a site in 海门街道. */
    private Site siteOfLecture(int minutesAgo) {
        String phone = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false).getFirst();
        LecturesUnderway.Lecture lecture = lectures.startedMinutesAgo(minutesAgo, List.of(phone));
        lectures.makeLive(lecture.id(), "https://live.example.cn/lecture.m3u8");
        ViewingSiteData data = new ViewingSiteData();
        data.setRegionCode("331002001000");
        data.setName("海门街道社工站");
        data.setAddress("椒江区海门街道 1 号");
        long siteId = fixtures.as("jj-coord", () -> viewingSites.createSite(lecture.id(), data));
        long traineeId = fixtures.count("SELECT id FROM trainee WHERE phone = ?", phone);
        return new Site(siteId, lecture.id(), traineeId, phone);
    }

    private String opens(Site site) {
        return jdbc.queryForObject("SELECT DATE_FORMAT(starts_at - INTERVAL 30 MINUTE, '%Y-%m-%d %H:%i') FROM lecture"
                + " WHERE id = ?", String.class, site.lectureId());
    }

    private int records(Site site) {
        return fixtures.count("SELECT COUNT(*) FROM attendance_record WHERE lecture_id = ?", site.lectureId());
    }

    @Test
    void a_site_cannot_record_attendance_for_a_lecture_two_weeks_ahead() {
        Site site = siteOfLecture(-14 * DAY);

        assertThatThrownBy(() -> fixtures.as("jj-coord", () -> viewingSites.recordAtSite(site.id(), List.of(site.traineeId()))))
                .isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> assertThat(((BusinessRuleException) e).messageKey()).isEqualTo("attendance.site.notYet"))
                .satisfies(e -> assertThat(((BusinessRuleException) e).arguments()).as("from when").containsExactly(
                        opens(site)));
        assertThat(records(site)).isZero();
        assertThat(fixtures.count("SELECT COUNT(*) FROM hours_entry WHERE lecture_id = ?", site.lectureId())).isZero();
    }

    @Test
    void a_trainee_cannot_check_in_at_a_site_two_weeks_ahead_by_its_code() {
        Site site = siteOfLecture(-14 * DAY);
        String token = fixtures.as("jj-coord", () -> viewingSites.siteCode(site.id())).checkInUrl().replaceAll(".*code=", "");

        assertThatThrownBy(() -> fixtures.as(site.phone(), () -> checkIns.checkIn(token)))
                .isInstanceOf(BusinessRuleException.class);
        assertThat(records(site)).isZero();
    }

    @Test
    void a_township_records_its_roster_the_morning_after_the_lecture() {
        Site site = siteOfLecture(20 * 60);

        assertThat(fixtures.as("jj-coord", () -> viewingSites.recordAtSite(site.id(), List.of(site.traineeId())))).isOne();
        assertThat(records(site)).isOne();
    }

    @Test
    void a_site_records_nothing_a_week_after_the_lecture() {
        Site site = siteOfLecture(7 * DAY);

        assertThatThrownBy(() -> fixtures.as("jj-coord", () -> viewingSites.recordAtSite(site.id(), List.of(site.traineeId()))))
                .isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> assertThat(((BusinessRuleException) e).messageKey()).isEqualTo("attendance.site.closed"));
        assertThat(records(site)).isZero();
    }
}
