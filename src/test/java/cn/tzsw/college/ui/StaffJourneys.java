package cn.tzsw.college.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.QrScans;
import cn.tzsw.college.hours.HoursLedger;
import cn.tzsw.college.hours.HoursSource;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.security.SystemTasks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The staff's main journeys as a person sees them, at the subclass's screen size: the administrator builds a course
 * and schedules a lecture in their dialogs (保存 and 取消 in view), finds a trainee on the roster, opens the
 * room display (its QR code, read off the screen, opens this server's check-in page), reissues and revokes a
 * certificate in the list (the PDF's QR code opens this server's verification page); a county coordinator sees the
 * home figures and the progress report of their own county and exports it. On every page: nothing wider than the
 * window, and no text of the English bundle on the Chinese page.
 */
abstract class StaffJourneys extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    RegistrationService registrations;
    @Autowired
    HoursLedger hoursLedger;
    @Autowired
    JdbcTemplate jdbc;

    /** The window's height; the width is {@link #windowWidth()}. */
    protected abstract int windowHeight();

    /** A demo trainee whose certificate the journey reissues and revokes (one per screen size). */
    protected abstract String certificateHolder();

    /** The page gets the whole screen size: the window is made larger by what its frame takes. */
    @BeforeEach
    void screenSize() {
        driver.manage().window().setSize(new Dimension(windowWidth(), windowHeight()));
        Number frameWidth = (Number) script("return window.outerWidth - window.innerWidth");
        Number frameHeight = (Number) script("return window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(windowWidth() + frameWidth.intValue(),
                windowHeight() + frameHeight.intValue()));
    }

    @Test
    void the_administrator_builds_a_course_finds_a_trainee_shows_the_room_code_and_revokes_a_certificate()
            throws Exception {
        String title = "员工旅程课程 " + windowWidth() + "-" + System.nanoTime() % 100_000;
        signIn("admin", "Demo@2026");
        navigate("/admin/courses");
        click(By.id("new-course"));
        type("#course-title input", title, Keys.TAB);
        type("#course-summary textarea", "管理员在浏览器中创建的课程。", Keys.TAB);
        type("#course-category input", "实务方法");
        // the list shows the filtered item before the arrow key picks it (on a fast browser the key came first)
        wait.until(d -> Boolean.TRUE.equals(script("return document.querySelector('#course-category').opened && [...document"
                + ".querySelectorAll('vaadin-combo-box-item')].some(i => i.textContent.includes('实务方法'))")));
        type("#course-category input", Keys.ARROW_DOWN, Keys.ENTER);
        wait.until(d -> !"".equals(script("return document.querySelector('#course-category').value")));
        // A lecturer of their own: the same lecturer cannot teach two lectures at the same hour.
        type(".instructor-name input", "旅程讲师" + System.nanoTime() % 100_000, Keys.TAB);
        assertPressable("course-save", "course-cancel");
        click(By.id("course-save"));
        untilSaved("course-save");

        type("#course-search input", title);
        if (windowWidth() >= 1280) {
            assertGridFits("course-grid");
        }
        selectRow(title, "publish-course");
        click(By.id("publish-course"));
        wait.until(d -> d.findElement(By.id("publish-course")).getAttribute("disabled") != null);
        selectRow(title, "show-lectures");
        click(By.id("show-lectures"));
        click(By.id("schedule-lecture"));
        String venue = "旅程教室 " + windowWidth();
        type("#lecture-venue input", venue, Keys.TAB);
        assertPressable("lecture-save", "lecture-cancel");
        assertPageFits();
        click(By.id("lecture-save"));
        untilSaved("lecture-save");
        wait.until(d -> text("#lecture-grid").contains(venue));
        assertPageFits();

        long lectureId = jdbc.queryForObject("SELECT l.id FROM lecture l JOIN course c ON c.id = l.course_id"
                + " WHERE c.title = ?", Long.class, title);
        List<String> phones = fixtures.trainees(3, "331002001003", false);
        phones.forEach(phone -> fixtures.as(phone, () -> registrations.register(lectureId)));
        navigate("/admin/lectures/" + lectureId + "/roster");
        wait.until(d -> text("#roster-grid").contains("学员" + phones.get(2).substring(7)));
        type("#roster-search input", phones.get(1).substring(6));
        wait.until(d -> !shownIn("#roster-grid").contains("学员" + phones.get(2).substring(7)));
        assertThat(shownIn("#roster-grid")).contains("学员" + phones.get(1).substring(7), "****");
        if (windowWidth() >= 1280) {
            assertGridFits("roster-grid");
        }
        assertPageFits();

        navigate("/admin/lectures/" + lectureId + "/display");
        WebElement qr = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("room-qr")));
        wait.until(d -> qr.getSize().getWidth() > 100);
        // read again until a frame reads: the image may still be drawn just after the view is shown
        String scanned = await("a readable QR code").atMost(Duration.ofSeconds(30)).ignoreExceptions().until(
                () -> QrScans.readPng(qr.getScreenshotAs(OutputType.BYTES)),
                Objects::nonNull);
        assertThat(scanned).startsWith(site() + "/checkin?code=").isEqualTo(qr.getAttribute("data-url"));
        assertPageFits();

        revokeAReissuedCertificate();
    }

    private void revokeAReissuedCertificate() throws Exception {
        long trainee = jdbc.queryForObject("SELECT id FROM trainee WHERE phone = ?", Long.class, certificateHolder());
        long lecture = fixtures.openLecture(20, Map.of());
        SystemTasks.runAsSystem(() -> hoursLedger.bookLecture(trainee, lecture, HoursSource.IN_PERSON, LocalDate.now()));
        String serial = await("a certificate issued").atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                        "SELECT serial FROM certificate WHERE trainee_id = ? AND lecture_id = ?", String.class, trainee,
                        lecture).stream().findFirst(), Optional::isPresent).orElseThrow();

        navigate("/admin/certificates");
        type("#certificate-search input", serial);
        By reissue = By.cssSelector("vaadin-button.certificate-reissue[data-serial='" + serial + "']");
        clickOnceRendered(reissue, By.cssSelector("vaadin-confirm-dialog vaadin-button[slot='confirm-button']"));
        assertPageFits();
        click(By.cssSelector("vaadin-confirm-dialog vaadin-button[slot='confirm-button']"));
        String reissued = await("the new certificate").atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
                "SELECT serial FROM certificate WHERE trainee_id = ? AND lecture_id = ? AND serial <> ?", String.class,
                trainee, lecture, serial).stream().findFirst(), Optional::isPresent).orElseThrow();

        WebElement search = driver.findElement(By.cssSelector("#certificate-search input"));
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), reissued, Keys.TAB);
        By download = By.cssSelector("#certificate-grid a[data-serial='" + reissued + "']");
        wait.until(d -> shownIn("#certificate-grid").contains(reissued) && !d.findElements(download).isEmpty());
        String verification = QrScans.readPdf(download(driver.findElement(download).getAttribute("href")), 0);
        assertThat(verification).startsWith(site() + "/verify/");

        By revoke = By.cssSelector("vaadin-button.certificate-revoke[data-serial='" + reissued + "']");
        clickOnceRendered(revoke, By.cssSelector("#revoke-reason textarea"));
        type("#revoke-reason textarea", "复核发现学时记录有误", Keys.TAB);
        assertPressable("revoke-confirm");
        click(By.id("revoke-confirm"));
        wait.until(d -> shownIn("#certificate-grid").contains("已撤销"));
        assertPageFits();
        if (windowWidth() >= 1280) {
            search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, Keys.TAB);
            wait.until(d -> shownIn("#certificate-grid").contains(serial));
            assertGridFits("certificate-grid");
            assertTitlesWhole("#certificate-grid .cell-main");
            assertHeadersAligned("certificate-grid");
            screenshot("admin-certificates-1280");
        }

        driver.manage().deleteAllCookies();
        driver.get(verification + "?lang=zh");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verify-status")));
        assertThat(driver.findElement(By.id("verify-status")).getAttribute("data-status")).isEqualTo("REVOKED");
        assertThat(pageText()).contains(reissued, "复核发现学时记录有误");
    }

    @Test
    void the_county_coordinator_sees_the_home_figures_and_exports_the_progress_of_the_county() throws Exception {
        signIn("jj-coord", "Demo@2026");
        navigate("/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-compliance")));
        assertThat(text("#home-compliance")).contains("椒江区").containsPattern("\\d+%|—");
        assertThat(text("#home-active")).containsPattern("\\d+ / \\d+");
        assertThat(text("#home-week")).containsPattern("\\d+");
        assertPageFits();

        click(By.id("home-compliance"));
        wait.until(d -> pageText().contains("海门街道"));
        assertThat(text("#report-breadcrumb")).contains("椒江区");
        assertThat(pageText()).contains("达标率", "合计").doesNotContain("黄岩区", "路桥区", "临海市");
        assertPageFits();

        String rows = xlsxText(download(driver.findElement(By.id("report-xlsx")).getAttribute("href")));
        assertThat(rows).contains("椒江区", "海门街道").doesNotContain("黄岩区", "台州市");
    }

    /** The address this test's browser used for the site. */
    private String site() {
        return "http://localhost:" + port;
    }

    /** Clicks through JavaScript, once enabled, in the middle of the window. */
    private void click(By target) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(target));
        wait.until(d -> element.getAttribute("disabled") == null);
        script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    /** Selects the grid row showing the text, clicking again while the grid re-renders, until the button is enabled. */
    private void selectRow(String text, String buttonId) {
        By cell = By.xpath("//vaadin-grid-cell-content[contains(., '" + text + "')]");
        clickUntil(d -> d.findElements(cell).stream().filter(WebElement::isDisplayed).findFirst(),
                d -> d.findElement(By.id(buttonId)).getAttribute("disabled") == null);
    }

    private void type(String css, CharSequence... keys) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        field.sendKeys(keys);
    }

    /** What a person sees of an element (rows the grid hid after a new search keep their old text in the page). */
    private String shownIn(String css) {
        return (String) script("return document.querySelector(arguments[0]).innerText", css);
    }

    /** The buttons are inside the window and nothing covers them: a person can see and press them without scrolling. */
    private void assertPressable(String... ids) {
        for (String id : ids) {
            WebElement button = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
            Object hit = script("""
                    const b = arguments[0], r = b.getBoundingClientRect();
                    if (r.width === 0 || r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) {
                      return 'outside the window: ' + JSON.stringify(r) + ' in ' + innerWidth + 'x' + innerHeight;
                    }
                    const e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                    return e === b || b.contains(e) ? 'ok' : 'covered by ' + (e ? e.tagName + '#' + e.id : 'nothing');""",
                    button);
            assertThat(hit).as("#%s at %dx%d", id, windowWidth(), windowHeight()).isEqualTo("ok");
        }
    }

    /** Waits for the dialog of the save button to close, telling what the form or a notification said if not. */
    private void untilSaved(String saveId) {
        newWait().withMessage(() -> "the form says: " + script("""
                        return [...document.querySelectorAll('[invalid], .form-error, vaadin-notification-card')]
                            .map(e => (e.id || e.tagName) + ' ' + (e.errorMessage || e.textContent)).join('; ')"""))
                .until(d -> d.findElements(By.id(saveId)).isEmpty());
    }

    /** On a laptop an administrator's grid shows every column without scrolling sideways. */
    private void assertGridFits(String id) {
        Number overflow = (Number) script("const t = document.getElementById(arguments[0]).shadowRoot"
                + ".querySelector('#table'); return t.scrollWidth - t.clientWidth;", id);
        assertThat(overflow.intValue()).as("#%s scrolls sideways at %d px", id, windowWidth()).isLessThanOrEqualTo(0);
    }

    /** Titles are shown whole, in a column at least 10 em wide (at 1280 px it had been two characters and "…"). */
    private void assertTitlesWhole(String css) {
        Object cut = script("""
                return [...document.querySelectorAll(arguments[0])].filter(e => e.offsetParent).filter(e => {
                  const cell = e.parentElement, em = parseFloat(getComputedStyle(cell).fontSize);
                  return cell.scrollWidth > cell.clientWidth || cell.clientWidth < 10 * em;
                }).map(e => e.textContent + ' in ' + e.parentElement.clientWidth + ' px')""", css);
        assertThat((List<?>) cut).as("titles cut at %d px", windowWidth()).isEmpty();
    }

    /** Each header starts where its column's cells do (em widths had set the headers off by up to 14 px). */
    private void assertHeadersAligned(String id) {
        Object off = script("""
                const table = document.getElementById(arguments[0]).shadowRoot.querySelector('#table');
                const heads = [...table.querySelectorAll('thead tr:first-child th')];
                const cells = [...table.querySelectorAll('tbody tr:not([hidden]) td')].slice(0, heads.length);
                return heads.filter((h, i) => Math.abs(h.getBoundingClientRect().left
                    - cells[i].getBoundingClientRect().left) > 1).map(h => h.textContent.trim() || h.id);""", id);
        assertThat((List<?>) off).as("headers off their columns at %d px", windowWidth()).isEmpty();
    }

    /** The page does not scroll sideways and shows no text of the English bundle (the browser asks for Chinese). */
    private void assertPageFits() {
        Number overflow = (Number) script("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow.intValue()).as("sideways overflow at %d px on %s", windowWidth(), driver.getCurrentUrl())
                .isLessThanOrEqualTo(0);
        String page = pageText();
        assertThat(ENGLISH.stream().filter(page::contains).toList()).as(page).isEmpty();
    }

    /** Texts only the English bundle has: its values' literal runs of two words or more, placeholders removed. */
    private static final List<String> ENGLISH = englishOnly();

    private static List<String> englishOnly() {
        Properties english = bundle("messages.properties");
        Properties chinese = bundle("messages_zh_CN.properties");
        List<String> texts = new ArrayList<>();
        english.forEach((key, value) -> {
            if (!value.equals(chinese.get(key))) {
                for (String run : value.toString().split("\\{\\d+[^}]*}|[:：()\"“”]")) {
                    String words = run.strip();
                    if (words.matches("[A-Za-z][A-Za-z' ,.-]*") && words.contains(" ") && words.length() >= 8) {
                        texts.add(words);
                    }
                }
            }
        });
        return texts;
    }

    private static Properties bundle(String name) {
        Properties properties = new Properties();
        try (var in = StaffJourneys.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    /**
     * Keeps what the browser showed in target/screenshots; with -Ddocs.screenshots=docs/screenshots also there, the
     * way the README's screenshots are made.
     */
    private void screenshot(String name) throws IOException {
        // The last notification is not part of the page a person works with.
        script("document.querySelectorAll('vaadin-notification-card').forEach(e => e.remove())");
        Path file = Files.createDirectories(Path.of("target/screenshots")).resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        String docs = System.getProperty("docs.screenshots");
        if (docs != null) {
            Files.copy(file, Path.of(docs).resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String xlsxText(byte[] xlsx) throws IOException {
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> text.append(cell).append('|')));
        }
        return text.toString();
    }
}
