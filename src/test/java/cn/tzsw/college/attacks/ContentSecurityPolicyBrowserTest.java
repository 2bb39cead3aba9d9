package cn.tzsw.college.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.attendance.LectureSetup;
import cn.tzsw.college.attendance.LecturesUnderway;
import cn.tzsw.college.security.SystemTasks;
import cn.tzsw.college.ui.BrowserTest;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13, finding 8: the Content-Security-Policy lets every page work as before. Chromium reports each blocked
 * script, style, image, font, media or connection as a {@code securitypolicyviolation} event; none may occur on
 * the sign-in page, the home page, the progress report with its chart, or a recorded lecture playing.
 */
class ContentSecurityPolicyBrowserTest extends BrowserTest {

    private static final String PASSWORD = "Csp@2026";

    @Autowired
    Fixtures fixtures;
    @Autowired
    LecturesUnderway lectures;
    @Autowired
    LectureSetup setup;

    /** Every page from now on collects the violations it sees, from its first script on. */
    @BeforeEach
    void collectViolations() {
        ((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.cspViolations = [];
                document.addEventListener('securitypolicyviolation',
                    e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"""));
    }

    private void assertNoViolations(String where) {
        assertThat(script("return window.cspViolations || []")).as(where).asList().isEmpty();
    }

    @Test
    void the_sign_in_page_the_home_page_and_the_report_chart_run_under_the_policy() {
        open("/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        assertNoViolations("/login");

        signIn("admin", "Demo@2026");
        assertNoViolations("home");

        open("/reports");
        wait.until(d -> "true".equals(String.valueOf(script(
                "const c = document.querySelector('#report-chart'); return !!(c && c.dataset.rendered && c.querySelector('canvas'));"))));
        assertNoViolations("/reports");
    }

    @Test
    void a_recorded_lecture_plays_under_the_policy() throws Exception {
        String phone = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false).getFirst();
        LecturesUnderway.Lecture lecture = lectures.startedMinutesAgo(-60 * 24 * 3, List.of(phone));
        try (InputStream mp4 = getClass().getResourceAsStream("/video/lecture-12s.mp4")) {
            SystemTasks.runAsSystem(() -> setup.uploadVideo(lecture.id(), "讲座录像.mp4", mp4));
        }
        lectures.givePassword(List.of(phone), PASSWORD);
        signIn(phone, PASSWORD);

        open("/watch/" + lecture.id());
        playVideo(1);
        wait.until(d -> Boolean.TRUE.equals(script("return document.getElementById('lecture-video').currentTime > 1")));
        assertNoViolations("/watch");
    }
}
