package cn.tzsw.college.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;

/** Two demo trainees on a phone-sized screen compete for the last seat; the one who waited gets it and a mail. */
class RegistrationBrowserTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;

    @Override
    protected int windowWidth() {
        return 390;
    }

    private void click(String id) {
        press(By.id(id));
    }

    @Test
    void the_waitlisted_trainee_is_promoted_and_mailed_when_the_first_cancels() throws Exception {
        long lectureId = fixtures.openLecture(1, Map.of());
        Set<Cookie> first = signedIn("13800000002", "Trainee@2026");
        Set<Cookie> second = signedIn("13800000003", "Trainee@2026");

        use(first);
        open("/lectures/" + lectureId);
        assertThat(text("#lecture-title")).startsWith("测试课程");
        click("register");
        wait.until(d -> "已报名".equals(text("#registration-status")));
        assertThat(driver.findElements(By.id("ics-download"))).isNotEmpty();

        use(second);
        open("/lectures/" + lectureId);
        assertThat(text("#lecture-availability")).isEqualTo("已满，可候补");
        click("register");
        wait.until(d -> pageText().contains("候补中，排第 1 位"));

        use(first);
        open("/lectures/" + lectureId);
        click("cancel-registration");
        // The seat goes to the next in line, so the page asks first.
        press(By.cssSelector("vaadin-confirm-dialog vaadin-button[slot='confirm-button']"));
        wait.until(d -> d.findElements(By.id("register")).size() == 1);

        MAIL.await("trainee03@example.cn", m -> {
            try {
                return m.getSubject().startsWith("候补成功");
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofSeconds(30));
        use(second);
        open("/my/lectures");
        wait.until(d -> pageText().contains("测试课程"));
        assertThat(text("#my-upcoming")).contains("已报名");
    }
}
