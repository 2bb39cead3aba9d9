package cn.tzsw.college.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

class ShellBrowserTest extends BrowserTest {

    @Test
    void the_login_page_speaks_chinese() {
        open("/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        assertThat(driver.getTitle()).isEqualTo("登录 | 台州社会工作学院");
        assertThat(text(".login-title")).isEqualTo("台州社会工作学院");
    }

    @Test
    void the_admin_signs_in_and_sees_the_admin_menu() {
        signIn("admin", "Demo@2026");
        String menu = text("#main-menu");
        assertThat(menu).contains("首页", "学员名录", "用户管理");
        assertThat(text("#current-user")).contains("学院管理员");
    }

    @Test
    void a_county_coordinator_sees_the_directory_of_the_county_only() {
        signIn("jj-coord", "Demo@2026");
        assertThat(text("#main-menu")).contains("学员名录").doesNotContain("用户管理");
        open("/trainees");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#trainee-grid vaadin-grid-cell-content")));
        wait.until(d -> pageText().contains("椒江区"));
        assertThat(pageText()).contains("椒江区").doesNotContain("临海市/").doesNotContain("黄岩区/");
    }

    @Test
    void a_coordinator_typing_the_user_list_address_is_turned_away() {
        signIn("jj-coord", "Demo@2026");
        open("/admin/users");
        assertThat(text("#error-title")).isNotBlank();
        assertThat(driver.findElements(By.id("user-grid"))).isEmpty();
    }

    @Test
    void a_trainee_sees_no_management_menu() {
        signIn("13800000001", "Trainee@2026");
        assertThat(text("#main-menu")).contains("首页").doesNotContain("学员名录").doesNotContain("用户管理");
    }

    @Test
    void an_unknown_page_shows_a_friendly_message() {
        signIn("admin", "Demo@2026");
        open("/no-such-page");
        assertThat(text("#error-title")).contains("页面不存在");
        assertThat(pageText()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void english_can_be_chosen() {
        open("/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("language-switch")));
        driver.findElement(By.id("language-switch")).click();
        wait.until(d -> d.getTitle().startsWith("Sign in"));
        assertThat(text(".login-title")).isEqualTo("Taizhou Social Work College");
    }
}
