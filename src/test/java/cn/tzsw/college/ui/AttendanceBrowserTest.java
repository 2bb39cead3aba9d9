package cn.tzsw.college.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.QrScans;
import cn.tzsw.college.attendance.LectureSetup;
import cn.tzsw.college.attendance.LecturesUnderway;
import cn.tzsw.college.security.SystemTasks;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Attendance as people do it: a trainee watches a recorded lecture to the end and finds the hours in "我的学时";
 * skipping to the end earns nothing; in the room, the projector's QR code checks a phone in.
 */
class AttendanceBrowserTest extends BrowserTest {

    private static final String PASSWORD = "Watch@2026";

    @Autowired
    Fixtures fixtures;
    @Autowired
    LecturesUnderway lectures;
    @Autowired
    LectureSetup setup;

    private long lectureWithVideo(String phone) throws Exception {
        LecturesUnderway.Lecture lecture = lectures.startedMinutesAgo(-60 * 24 * 3, List.of(phone));
        try (InputStream mp4 = getClass().getResourceAsStream("/video/lecture-12s.mp4")) {
            SystemTasks.runAsSystem(() -> setup.uploadVideo(lecture.id(), "讲座录像.mp4", mp4));
        }
        return lecture.id();
    }

    private double credited(String phone, long lectureId) {
        return fixtures.count("SELECT COALESCE(ROUND(MAX(w.credited_seconds) * 10), 0) FROM watch_progress w"
                + " JOIN trainee t ON t.id = w.trainee_id WHERE t.phone = ? AND w.lecture_id = ?", phone, lectureId) / 10.0;
    }

    private int hours(String phone, long lectureId) {
        return fixtures.count("SELECT COUNT(*) FROM hours_entry h JOIN trainee t ON t.id = h.trainee_id"
                + " WHERE t.phone = ? AND h.lecture_id = ?", phone, lectureId);
    }

    @Test
    void a_trainee_who_skips_to_the_end_earns_nothing_and_one_who_watches_to_the_end_sees_the_hours() throws Exception {
        String phone = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false).get(0);
        lectures.givePassword(List.of(phone), PASSWORD);
        long skipped = lectureWithVideo(phone);
        long watched = lectureWithVideo(phone);
        signIn(phone, PASSWORD);

        open("/watch/" + skipped);
        playVideo(1);
        script("const v = document.getElementById('lecture-video'); v.currentTime = v.duration - 0.2;");
        untilVideoEnded();
        // The player's last heartbeat (the end reached) must not add credit for the skipped part; the beats after it
        // report no playing.
        wait.until(d -> fixtures.count("SELECT COALESCE(FLOOR(MAX(w.last_position)), 0) FROM watch_progress w"
                + " JOIN trainee t ON t.id = w.trainee_id WHERE t.phone = ? AND w.lecture_id = ?", phone, skipped) >= 11);
        assertThat(credited(phone, skipped)).isLessThan(1.5);
        assertThat(hours(phone, skipped)).isZero();

        open("/watch/" + watched);
        playVideo(creditedSpeed());
        untilVideoEnded();
        wait.until(d -> text("#watch-credited").contains("已完成"));
        wait.withTimeout(Duration.ofSeconds(30)).until(d -> hours(phone, watched) == 1);
        assertThat(credited(phone, watched)).isGreaterThanOrEqualTo(10.2);

        open("/my/progress");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("progress-entries")));
        wait.until(d -> pageText().contains("测试课程"));
        assertThat(text("#progress-earned")).contains("已获得 2 学时");
        assertThat(hours(phone, skipped)).isZero();
    }

    @Test
    void the_projectors_qr_code_checks_a_phone_in() throws Exception {
        String phone = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false).get(0);
        lectures.givePassword(List.of(phone), PASSWORD);
        LecturesUnderway.Lecture lecture = lectures.startedMinutesAgo(5, List.of(phone));

        signIn("admin", "Demo@2026");
        navigate("/admin/lectures/" + lecture.id() + "/display");
        WebElement qr = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("room-qr")));
        wait.until(d -> qr.getSize().getWidth() > 100);
        // As a phone's camera pointed at the projector does: the whole screen, again until a frame reads (the code
        // rotates and the image is redrawn). A screenshot may take seconds on a busy machine, hence the long bound.
        String scanned = await("a readable QR code").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> QrScans.readPng(((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES)),
                        Objects::nonNull);
        assertThat(scanned).contains("/checkin?code=L" + lecture.id() + ".");
        assertThat(text("#room-code")).matches("\\d{6}");

        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(390, 844));
        signIn(phone, PASSWORD);
        open(scanned.replaceFirst("^https?://[^/]+", ""));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("checkin-result")));
        assertThat(text("#checkin-result")).contains("签到成功").contains("测试课程");
        assertThat(fixtures.count("SELECT COUNT(*) FROM attendance_record a JOIN trainee t ON t.id = a.trainee_id"
                + " WHERE t.phone = ? AND a.lecture_id = ?", phone, lecture.id())).isEqualTo(1);
    }
}
