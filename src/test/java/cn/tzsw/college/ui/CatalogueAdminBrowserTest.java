package cn.tzsw.college.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.registration.RegistrationService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** The administrators' catalogue and roster screens in a real browser. */
class CatalogueAdminBrowserTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    RegistrationService registrations;

    @Test
    void the_admin_lists_the_courses_and_downloads_a_roster_with_chinese_text() {
        List<String> phones = fixtures.trainees(1, "331002001003", false);
        long lectureId = fixtures.openLecture(10, Map.of());
        fixtures.as(phones.getFirst(), () -> registrations.register(lectureId));

        signIn("admin", "Demo@2026");
        assertThat(text("#main-menu")).contains("课程管理");
        open("/admin/courses");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#course-grid vaadin-grid-cell-content")));
        wait.until(d -> pageText().contains("测试课程"));
        assertThat(pageText()).contains("课程名称", "主办单位", "已发布", "台州市");

        open("/admin/lectures/" + lectureId + "/roster");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("roster-grid")));
        wait.until(d -> pageText().contains("学员" + phones.getFirst().substring(7)));
        assertThat(pageText()).contains("报名名单", "已报名（1）", "候补中（0）", "下载 Excel", "下载 CSV");
        // The CSV link serves the roster with the session's sign-in, Chinese intact.
        List<?> csv = (List<?>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.querySelector('#roster-csv').href).then(r => r.arrayBuffer())"
                        + ".then(b => done([Array.from(new Uint8Array(b, 0, 3)), new TextDecoder().decode(b)]));");
        assertThat(csv.get(0)).isEqualTo(List.of(0xEFL, 0xBBL, 0xBFL));
        assertThat((String) csv.get(1)).startsWith("姓名,").contains("学员" + phones.getFirst().substring(7));
    }
}
