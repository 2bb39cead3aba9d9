package cn.tzsw.college.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.portal.NoticeService;
import cn.tzsw.college.registration.RegistrationService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The front door and the trainee's home as a person sees them, at the width of the subclass's screen: the portal
 * shows notices and lectures and nothing is wider than the window; a visitor's 「登录后报名」 leads through sign-in
 * to the lecture; a trainee's home shows the period's hours and the next lecture with its action.
 */
abstract class PortalJourneys extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    NoticeService notices;
    @Autowired
    RegistrationService registrations;
    @Autowired
    Clock clock;

    /** Elements (outside Vaadin's shadow roots) whose right edge lies beyond the window, and the page's own overflow. */
    @SuppressWarnings("unchecked")
    protected List<String> tooWide() {
        return (List<String>) script("""
                const width = document.documentElement.clientWidth;
                const wide = [...document.querySelectorAll('body *')].filter(e => {
                  const r = e.getBoundingClientRect();
                  return r.width > 0 && r.height > 0 && r.right > width + 1 && r.left < width;
                }).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className);
                if (document.documentElement.scrollWidth > width + 1) {
                  wide.push('page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
                }
                return wide;""");
    }

    @Test
    void the_portal_shows_the_published_notices_and_the_next_lectures_within_the_window() {
        String title = "培训通知 " + System.nanoTime();
        long id = fixtures.as("admin", () -> notices.create(title, "各位社工：\n\n请按时参加。"));
        fixtures.as("admin", () -> {
            notices.publish(id, LocalDate.now(clock));
            return null;
        });

        open("/");
        wait.until(d -> text("#portal-notices").contains(title));
        assertThat(driver.findElements(By.cssSelector("#portal-lectures .portal-card"))).isNotEmpty();
        assertThat(text("#portal-verify-section")).contains("证书查询");
        assertThat(text("#portal-how-to")).contains("如何报名");
        assertThat(tooWide()).as(pageText()).isEmpty();

        script("arguments[0].scrollIntoView({block: 'center'})", driver.findElement(By.linkText(title)));
        press(By.linkText(title));
        wait.until(d -> text("#notice-title").equals(title));
        assertThat(pageText()).contains("请按时参加。");
        assertThat(tooWide()).isEmpty();
    }

    @Test
    void a_visitor_registers_from_the_portal_after_signing_in() {
        long lectureId = fixtures.openLecture(30, Map.of(), LocalDateTime.now(clock).plusHours(3));
        open("/");
        By register = By.cssSelector(".portal-card[data-lecture='" + lectureId + "'] .portal-register");
        press(register);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        driver.findElement(By.cssSelector("input[name='username']")).sendKeys(traineePhone());
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys("Trainee@2026");
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();

        press(By.id("register"));
        wait.until(d -> text("#registration-status").equals("已报名"));
        assertThat(driver.getCurrentUrl()).endsWith("/lectures/" + lectureId);
    }

    @Test
    void the_trainee_home_shows_the_periods_hours_and_the_next_lecture_with_its_action() {
        // Starting in 10 minutes: check-in is open, registration closed; the college adds the trainee by hand.
        long lectureId = fixtures.openLecture(30, Map.of(), LocalDateTime.now(clock).plusMinutes(10));
        String phone = homePhone();
        long traineeId = fixtures.count("SELECT id FROM trainee WHERE phone = ?", phone);
        fixtures.as("admin", () -> registrations.addByAdmin(lectureId, traineeId));

        signIn(phone, "Trainee@2026");
        navigate("/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("home-progress-bar")));
        assertThat(text("#home-hours")).contains("学时");
        assertThat(text("#home-days-left")).contains("天");
        By card = By.cssSelector("#home-lectures .portal-card[data-lecture='" + lectureId + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(card));
        assertThat(driver.findElement(card).getText()).contains("测试课程", "已报名", "签到");
        assertThat(text("#home-todos")).contains("待办事项");
        assertThat(tooWide()).as(pageText()).isEmpty();
    }

    /** A demo trainee who signs in to register (a different one per screen width, so the runs stay apart). */
    protected abstract String traineePhone();

    /** A demo trainee with a registration period (certificate level ASSISTANT), one per screen width. */
    protected abstract String homePhone();
}
