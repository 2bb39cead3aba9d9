package cn.tzsw.college.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.attendance.CheckIns;
import cn.tzsw.college.attendance.LectureSetup;
import cn.tzsw.college.attendance.LecturesUnderway;
import cn.tzsw.college.security.SystemTasks;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A trainee's lecture from registration to certificate, on a phone (check-in with the room's code) and on a laptop
 * (the recorded video watched to the end in the real player). After each step every page that shows the lecture
 * shows the same state: the trainee's own pages in the trainee's session, the roster, the attendance sheet and the
 * trainee page in an administrator's. On the phone nothing is wider than the window; no page shows English text.
 */
class TraineeJourneyBrowserTest extends BrowserTest {

    private static final String PASSWORD = "Journey@2026";

    @Autowired
    Fixtures fixtures;
    @Autowired
    LecturesUnderway lectures;
    @Autowired
    LectureSetup setup;
    @Autowired
    CheckIns checkIns;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    private Set<Cookie> traineeSession;
    private Set<Cookie> adminSession;

    @Test
    void on_a_phone_a_trainee_registers_checks_in_with_the_rooms_code_and_gets_the_certificate() {
        driver.manage().window().setSize(new Dimension(390, 844));
        Journey journey = register();
        moveIntoThePresent(journey.lectureId());

        use(traineeSession);
        open("/");
        String code = fixtures.as("admin", () -> checkIns.roomCode(journey.lectureId())).shortCode();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("home-checkin-code")));
        assertThat(text("#home-checkin")).contains("扫码签到", "用手机相机扫描教室二维码");
        assertThat(height("#home-checkin-submit")).as("a thumb-sized button").isGreaterThanOrEqualTo(44);
        driver.findElement(By.cssSelector("#home-checkin-code input")).sendKeys(code);
        WebElement submit = driver.findElement(By.id("home-checkin-submit"));
        submit.click();
        wait.until(ExpectedConditions.stalenessOf(submit)); // the page loads again, every card in its new state
        wait.until(d -> hoursBooked(journey) == 1);

        completedThenCertified(journey, true);
    }

    @Test
    void on_a_laptop_a_trainee_registers_watches_the_recording_to_the_end_and_gets_the_certificate() throws Exception {
        driver.manage().window().setSize(new Dimension(1280, 800));
        Journey journey = register();
        jdbc.update("UPDATE course SET format = 'RECORDED_VIDEO' WHERE id = (SELECT course_id FROM lecture WHERE id = ?)",
                journey.lectureId());
        moveIntoThePresent(journey.lectureId());
        try (InputStream mp4 = getClass().getResourceAsStream("/video/lecture-12s.mp4")) {
            SystemTasks.runAsSystem(() -> setup.uploadVideo(journey.lectureId(), "讲座录像.mp4", mp4));
        }

        use(traineeSession);
        open("/my/lectures");
        By watch = By.cssSelector(".lecture-card[data-lecture='" + journey.lectureId() + "'] .lecture-action");
        wait.until(ExpectedConditions.elementToBeClickable(watch));
        assertThat(driver.findElement(watch).getText()).isEqualTo("观看");
        assertThat(height(".lecture-card[data-lecture='" + journey.lectureId() + "'] .lecture-action"))
                .isGreaterThanOrEqualTo(44);
        driver.findElement(watch).click();
        playVideo(creditedSpeed());
        untilVideoEnded();
        wait.until(d -> hoursBooked(journey) == 1);

        completedThenCertified(journey, false);
        // A completed video marks attendance: the sheet says present, by video.
        use(adminSession);
        open("/admin/lectures/" + journey.lectureId() + "/attendance");
        wait.until(d -> text("#attendance-grid").contains("视频观看"));
        assertThat(text("#attendance-grid")).contains("已到");
    }

    private record Journey(long lectureId, long traineeId, String phone) {
    }

    /** A fresh trainee registers on the lecture's page; every page then says 已报名. */
    private Journey register() {
        String phone = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false).getFirst();
        lectures.givePassword(List.of(phone), PASSWORD);
        long lectureId = fixtures.openLecture(30, Map.of());
        Journey journey = new Journey(lectureId, fixtures.count("SELECT id FROM trainee WHERE phone = ?", phone), phone);
        adminSession = signedIn("admin", "Demo@2026");
        traineeSession = signedIn(phone, PASSWORD);

        open("/lectures/" + lectureId);
        press(By.id("register"));
        wait.until(d -> "已报名".equals(text("#registration-status")));
        everyPageSays(journey, "已报名", List.of("lecture", "myLectures", "home"));
        return journey;
    }

    /**
     * The completion books the hours at once and the certificate follows after the commit: the pages say 已完成
     * until it is issued (or already 已发证 if it was quicker than the walk), then all say 已发证.
     */
    private void completedThenCertified(Journey journey, boolean phone) {
        Map<String, String> seen = statesOnEveryPage(journey, List.of("lecture", "myLectures", "myProgress"));
        assertThat(seen.values()).as(seen.toString()).allMatch(s -> s.equals("已完成") || s.equals("已发证"));
        if (!seen.containsValue("已发证")) {
            assertThat(seen.values()).as(seen.toString()).containsOnly("已完成");
        }
        wait.withTimeout(Duration.ofSeconds(30)).until(d -> fixtures.count(
                "SELECT COUNT(*) FROM certificate WHERE trainee_id = ? AND lecture_id = ?",
                journey.traineeId(), journey.lectureId()) == 1);
        everyPageSays(journey, "已发证", List.of("lecture", "myLectures", "myProgress", "myCertificates", "home"));
        if (phone) {
            use(traineeSession);
            for (String path : List.of("/", "/my/lectures", "/my/progress", "/my/certificates")) {
                navigate(path);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".lecture-state")));
                assertThat(tooWide()).as(path).isEmpty();
            }
        }
    }

    private void everyPageSays(Journey journey, String state, List<String> traineePages) {
        Map<String, String> seen = statesOnEveryPage(journey, traineePages);
        assertThat(seen).as(seen.toString()).allSatisfy((page, shown) -> assertThat(shown).as(page).isEqualTo(state));
    }

    /** The state each page shows for the journey's lecture; each page is also checked for English leftovers. */
    private Map<String, String> statesOnEveryPage(Journey journey, List<String> traineePages) {
        long id = journey.lectureId();
        String card = "[data-lecture='" + id + "'] .lecture-state";
        Map<String, String> paths = Map.of(
                "lecture", "/lectures/" + id + "|#registration-status",
                "myLectures", "/my/lectures|.lecture-card" + card,
                "myProgress", "/my/progress|#progress-entries " + card,
                "myCertificates", "/my/certificates|#my-certificates " + card,
                "home", "/|" + card);
        Map<String, String> seen = new LinkedHashMap<>();
        use(traineeSession);
        for (String page : traineePages) {
            String[] pathAndSelector = paths.get(page).split("\\|");
            seen.put(page, stateAt(pathAndSelector[0], pathAndSelector[1]));
        }
        use(adminSession);
        seen.put("roster", stateAt("/admin/lectures/" + id + "/roster", "#roster-grid .lecture-state"));
        seen.put("attendanceSheet", stateAt("/admin/lectures/" + id + "/attendance", "#attendance-grid .lecture-state"));
        seen.put("traineePage", stateAt("/trainee/" + journey.traineeId(), "#registrations-grid .lecture-state"));
        return seen;
    }

    private String stateAt(String path, String selector) {
        navigate(path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(selector)));
        String state = text(selector).strip();
        assertThat(englishLeftovers()).as(path).isEmpty();
        return state;
    }

    /** Texts of the English bundle (two words or more) that a Chinese page shows. */
    private List<String> englishLeftovers() {
        String page = pageText();
        return ENGLISH.stream().filter(page::contains).toList();
    }

    private static final List<String> ENGLISH = englishTexts();

    private static List<String> englishTexts() {
        Properties english = new Properties();
        try (InputStream in = TraineeJourneyBrowserTest.class.getResourceAsStream("/messages.properties")) {
            english.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> texts = new ArrayList<>();
        for (String value : english.stringPropertyNames().stream().map(english::getProperty).toList()) {
            if (value.matches("[A-Za-z][A-Za-z ,.'’!?-]*") && value.strip().split("\\s+").length >= 2) {
                texts.add(value.strip());
            }
        }
        return texts;
    }

    /**
     * The element's height once it is drawn: the page's elements can be in the page before their component is
     * defined and laid out, with no height yet (0 was measured once).
     */
    private double height(String selector) {
        return ((Number) wait.until(d -> script("""
                const e = document.querySelector(arguments[0]);
                const drawn = e && (!e.localName.includes('-') || e.shadowRoot) && e.getBoundingClientRect().height;
                return drawn || null;""", selector))).doubleValue();
    }

    private int hoursBooked(Journey journey) {
        return fixtures.count("SELECT COUNT(*) FROM hours_entry WHERE trainee_id = ? AND lecture_id = ?",
                journey.traineeId(), journey.lectureId());
    }

    /** Time passes: the lecture began five minutes ago (check-in open, the recording counts). */
    private void moveIntoThePresent(long lectureId) {
        LocalDateTime start = LocalDateTime.now(clock).minusMinutes(5);
        jdbc.update("UPDATE lecture SET starts_at = ?, ends_at = ?, registration_closes = ?, cancellation_deadline = ?"
                + " WHERE id = ?", start, start.plusHours(2), start.minusHours(1), start.minusHours(2), lectureId);
    }

    /** Elements (outside shadow roots) reaching past the window's right edge, grids included, and sideways scroll. */
    @SuppressWarnings("unchecked")
    private List<String> tooWide() {
        return (List<String>) script("""
                const width = window.innerWidth;
                const wide = [...document.querySelectorAll('body *')].filter(e => {
                  const r = e.getBoundingClientRect();
                  return r.width > 0 && r.height > 0 && r.right > width + 1;
                }).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className);
                if (document.documentElement.scrollWidth > width) {
                  wide.push('page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
                }
                return wide;""");
    }
}
