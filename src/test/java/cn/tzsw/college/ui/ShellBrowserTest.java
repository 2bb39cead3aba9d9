package cn.tzsw.college.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.Mode;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationConfiguration;
import jakarta.servlet.ServletContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The login page and the language switch, which live in the browser (the page title, a cookie and a reload). The
 * menus, the error pages and the scope of the directory are tested without a browser: {@code shell/ShellViewTest}.
 */
class ShellBrowserTest extends BrowserTest {

    @Autowired
    private ServletContext servletContext;

    /**
     * The browser tests see the pages users get: Vaadin in production mode with its pre-compiled bundle, as the
     * production build ships it (the pom puts that bundle on the tests' class path), not the development bundle
     * that {@code spring-boot:run} serves.
     */
    @Test
    void the_pages_come_from_the_pre_compiled_production_bundle() {
        assertThat(ApplicationConfiguration.get(new VaadinServletContext(servletContext)).getMode())
                .isEqualTo(Mode.PRODUCTION_PRECOMPILED_BUNDLE);
    }

    @Test
    void the_login_page_speaks_chinese() {
        open("/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        assertThat(driver.getTitle()).isEqualTo("登录 | 台州社会工作学院");
        assertThat(text(".login-title")).isEqualTo("台州社会工作学院");
    }

    @Test
    void the_admin_signs_in_with_the_login_form_and_is_named_in_the_header() {
        signIn("admin", "Demo@2026");
        assertThat(text("#current-user")).contains("学院管理员");
    }

    /**
     * A page opened again takes Vaadin's scripts and styles from the browser's cache, with no request at all: a
     * phone on a slow network would otherwise wait for a round trip per file on every page.
     */
    @Test
    void a_page_opened_again_takes_its_scripts_and_styles_from_the_browsers_cache() {
        open("/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        open("/register");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-up-submit")));
        open("/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));

        @SuppressWarnings("unchecked")
        List<List<Object>> asked = (List<List<Object>>) script("return performance.getEntriesByType('resource')"
                + ".filter(e => /\\/VAADIN\\/build\\/|\\.css/.test(e.name) && e.transferSize > 0)"
                + ".map(e => [e.name, e.transferSize])");
        assertThat(asked).as("files fetched or revalidated over the network").isEmpty();
    }

    @Test
    void english_can_be_chosen() {
        open("/login");
        // Present is not enough: the login view may still be laying out and the button not yet clickable.
        press(By.id("language-switch"));
        wait.until(d -> d.getTitle().startsWith("Sign in"));
        assertThat(text(".login-title")).isEqualTo("Taizhou Social Work College");
    }
}
