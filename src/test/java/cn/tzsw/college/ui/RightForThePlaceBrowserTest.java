package cn.tzsw.college.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.attendance.LecturesUnderway;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.security.AccountService;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.security.StaffAccountData;
import cn.tzsw.college.shared.ChineseDates;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16 in the browser: times in the college's time zone, a question before what cannot be undone, the sign-up
 * form's messages at their fields, and the roster's add dialog offering only those not on it yet.
 */
class RightForThePlaceBrowserTest extends BrowserTest {

    private static final String PASSWORD = "Trainee@2026";

    @Autowired
    Fixtures fixtures;
    @Autowired
    LecturesUnderway lectures;
    @Autowired
    RegistrationService registrations;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    private WebElement clickable(String css) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    }

    /** Clicks through JavaScript: buttons at the bottom of a tall dialog sit below its scroll edge. */
    private void click(String id) {
        WebElement button = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        wait.until(d -> button.isDisplayed() && button.getAttribute("disabled") == null);
        script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button);
    }

    private String registrationStatus(long lecture, String phone) {
        return jdbc.queryForObject("SELECT r.status FROM registration r JOIN trainee t ON t.id = r.trainee_id"
                + " WHERE t.phone = ? AND r.lecture_id = ?", String.class, phone, lecture);
    }

    @Test
    void cancelling_a_registration_asks_first_because_the_seat_goes_to_the_next_in_line() {
        String phone = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false).getFirst();
        lectures.givePassword(List.of(phone), PASSWORD);
        long lecture = fixtures.openLecture(20, Map.of());
        fixtures.as(phone, () -> registrations.register(lecture));

        signIn(phone, PASSWORD);
        navigate("/lectures/" + lecture);
        click("cancel-registration");
        wait.until(d -> pageText().contains("名额会立即让给候补的学员"));
        assertThat(registrationStatus(lecture, phone)).isEqualTo("REGISTERED");

        press(By.cssSelector("vaadin-confirm-dialog vaadin-button[slot='confirm-button']"));
        wait.until(d -> "CANCELLED".equals(registrationStatus(lecture, phone)));
    }

    @Test
    void a_new_lecture_opens_registration_now_in_the_colleges_time() {
        long lecture = fixtures.openLecture(20, Map.of());
        String title = jdbc.queryForObject("SELECT c.title FROM lecture l JOIN course c ON c.id = l.course_id"
                + " WHERE l.id = ?", String.class, lecture);
        signIn("admin", "Demo@2026");
        navigate("/admin/courses");
        clickable("#course-search input").sendKeys(title);
        By row = By.xpath("//vaadin-grid-cell-content[contains(., '" + title + "')]");
        press(row);
        click("show-lectures");
        click("schedule-lecture");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lecture-save")));
        LocalDateTime now = LocalDateTime.now(clock);
        String opens = (String) script("return [...document.querySelectorAll('vaadin-date-time-picker')]"
                + ".find(p => p.label === '报名开始时间').value");
        LocalDateTime defaulted = LocalDateTime.parse(opens);
        assertThat(ChronoUnit.MINUTES.between(defaulted, now)).isBetween(0L, 30L);
    }

    @Test
    void a_new_staff_account_shows_when_it_was_created_in_the_colleges_time() {
        String username = "staff" + System.nanoTime() % 1_000_000;
        StaffAccountData data = new StaffAccountData();
        data.setUsername(username);
        data.setDisplayName("时间测试");
        data.setPassword("Staff@2026x");
        data.setRole(Role.INSTRUCTOR);
        fixtures.as("admin", () -> accounts.createStaff(data));
        LocalDateTime now = LocalDateTime.now(clock);

        signIn("admin", "Demo@2026");
        navigate("/admin/users");
        clickable("#user-search input").sendKeys(username);
        wait.until(d -> text("#user-grid").contains(username));
        String shown = text("#user-grid");
        assertThat(List.of(now, now.minusMinutes(1)).stream()
                .map(t -> ChineseDates.format(t, Locale.SIMPLIFIED_CHINESE)).anyMatch(shown::contains))
                .as("%s shows the creation time %s", shown,
                        now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).isTrue();
    }

    @Test
    void sign_up_says_what_is_missing_at_each_field_and_the_button_comes_last() {
        open("/register");
        clickable("vaadin-text-field input");
        WebElement submit = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-up-submit")));
        script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", submit);
        wait.until(d -> Boolean.TRUE.equals(script("return document.querySelector('vaadin-text-field').invalid")));
        assertThat(script("return document.querySelector('vaadin-text-field').errorMessage")).isEqualTo("此项为必填项。");
        assertThat(script("return document.querySelector('vaadin-custom-field').errorMessage"))
                .isEqualTo("请选择到乡镇（街道）或村（社区）。");
        Number below = (Number) script("""
                const fields = [...document.querySelectorAll('vaadin-password-field')];
                return arguments[0].getBoundingClientRect().top - fields[fields.length - 1].getBoundingClientRect().bottom;
                """, submit);
        assertThat(below.doubleValue()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void the_roster_offers_to_add_only_those_not_on_it_yet() {
        List<String> phones = fixtures.trainees(2, LecturesUnderway.JIAOJIANG_VILLAGE, false);
        long lecture = fixtures.openLecture(20, Map.of());
        fixtures.as(phones.get(0), () -> registrations.register(lecture));

        signIn("admin", "Demo@2026");
        navigate("/admin/lectures/" + lecture + "/roster");
        click("roster-add");
        WebElement search = clickable("#add-trainee-search input");
        search.sendKeys(phones.get(1), Keys.TAB);
        wait.until(d -> shownIn("#add-trainee-grid").contains("学员" + phones.get(1).substring(7)));
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), phones.get(0), Keys.TAB);
        wait.until(d -> !shownIn("#add-trainee-grid").contains("学员" + phones.get(1).substring(7)));
        assertThat(shownIn("#add-trainee-grid")).doesNotContain("学员" + phones.get(0).substring(7));
    }

    /** What a person sees of an element (rows the grid hid after a new search keep their old text in the page). */
    private String shownIn(String css) {
        return (String) script("return document.querySelector(arguments[0]).innerText", css);
    }
}
