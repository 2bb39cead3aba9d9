package cn.tzsw.college.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** An administrator builds a course and schedules a lecture in the browser; the public catalogue shows it. */
class CourseSchedulingBrowserTest extends BrowserTest {

    private WebElement input(String css) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    }

    /** Clicks through JavaScript: buttons at the bottom of a tall dialog sit below its scroll edge. */
    private void click(String id) {
        WebElement button = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        wait.until(d -> button.isDisplayed() && button.getAttribute("disabled") == null);
        script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button);
    }

    private void pick(String comboId, String text) {
        WebElement field = input("#" + comboId + " input");
        field.sendKeys(text);
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty());
        field.sendKeys(Keys.ENTER);
    }

    @Test
    void a_course_built_and_scheduled_in_the_browser_appears_in_the_public_catalogue() {
        String title = "浏览器排课测试" + System.currentTimeMillis() % 100000;
        signIn("admin", "Demo@2026");
        open("/admin/courses");
        click("new-course");
        input("#course-title input").sendKeys(title);
        input("#course-summary textarea").sendKeys("管理员在浏览器中创建的课程。");
        pick("course-category", "实务方法");
        pick("course-organiser", "台州市");
        input(".instructor-name input").sendKeys("浏览器讲师", Keys.TAB);
        click("course-save");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("course-save")));

        input("#course-search input").sendKeys(title);
        By row = By.xpath("//vaadin-grid-cell-content[contains(., '" + title + "')]");
        wait.until(ExpectedConditions.elementToBeClickable(row)).click();
        click("publish-course");
        wait.until(d -> d.findElement(By.id("publish-course")).getAttribute("disabled") != null);
        wait.until(ExpectedConditions.elementToBeClickable(row)).click();
        click("show-lectures");
        click("schedule-lecture");
        input("#lecture-venue input").sendKeys("浏览器测试教室", Keys.TAB);
        click("lecture-save");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("lecture-save")));
        wait.until(d -> text("#lecture-grid").contains("浏览器测试教室"));

        driver.manage().deleteAllCookies();
        open("/catalog");
        input("#catalog-search input").sendKeys(title);
        wait.until(d -> text("#catalog-grid").contains(title));
        assertThat(text("#catalog-grid")).contains("报名中").contains("浏览器讲师");
    }
}
