package cn.tzsw.college.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.trainees.RosterFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Roster import and the trainee page, as an administrator and a county coordinator see them. */
class TrackingBrowserTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    private void screenshot(String name) throws Exception {
        Path folder = Path.of("target/screenshots");
        Files.createDirectories(folder);
        Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private void upload(Path file) {
        WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-upload")));
        SearchContext shadow = upload.getShadowRoot();
        List<WebElement> inputs = shadow.findElements(By.cssSelector("input[type=file]"));
        WebElement input = inputs.isEmpty() ? upload.findElement(By.cssSelector("input[type=file]")) : inputs.getFirst();
        input.sendKeys(file.toAbsolutePath().toString());
    }

    @Test
    void an_administrator_sees_the_bad_line_named_fixes_it_and_imports_the_roster() throws Exception {
        List<String[]> rows = RosterFiles.rows(30, "椒江区/海门街道/城隍浦社区");
        String good = rows.get(9)[2];
        rows.get(9)[2] = "1234567";
        Path bad = Files.createTempFile("roster-bad", ".csv");
        Files.write(bad, RosterFiles.csv(rows, java.nio.charset.Charset.forName("GBK")));

        signIn("admin", "Demo@2026");
        navigate("/trainees/import");
        upload(bad);
        wait.until(d -> text("#import-summary").contains("有错误"));
        wait.until(d -> pageText().contains("请输入11位手机号码"));
        assertThat(text("#import-summary")).contains("共 30 行", "1 行有错误");
        assertThat(pageText()).contains("11"); // line 11: the header is line 1
        screenshot("import-preview-with-error");

        rows.get(9)[2] = good;
        Path fixed = Files.createTempFile("roster-fixed", ".csv");
        Files.write(fixed, ("\uFEFF" + RosterFiles.csvText(rows)).getBytes(StandardCharsets.UTF_8));
        script("document.getElementById('import-upload').clearFileList && document.getElementById('import-upload').clearFileList()");
        script("document.getElementById('import-upload').files = []");
        upload(fixed);
        wait.until(d -> text("#import-summary").contains("全部正确"));
        driver.findElement(By.id("import-confirm")).click();
        wait.until(d -> text("#import-summary").contains("导入完成"));
        screenshot("import-done");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trainee WHERE phone = ?", Integer.class, good)).isOne();
    }

    @Test
    void a_county_coordinator_reveals_a_number_on_purpose_and_cannot_open_another_countys_trainee() throws Exception {
        long own = jdbc.queryForObject("SELECT MIN(id) FROM trainee WHERE region_code LIKE '331002%'", Long.class);
        long foreign = jdbc.queryForObject("SELECT MIN(id) FROM trainee WHERE region_code LIKE '331082%'", Long.class);
        String fullId = jdbc.queryForObject("SELECT id_number FROM trainee WHERE id = ?", String.class, own);

        signIn("jj-coord", "Demo@2026");
        navigate("/trainees");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#trainee-grid vaadin-grid-cell-content")));
        wait.until(d -> pageText().contains("继续教育状态"));
        screenshot("directory-coordinator");

        navigate("/trainee/" + own);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reveal-id")));
        assertThat(text("#reveal-id-value")).contains("*").isNotEqualTo(fullId);
        driver.findElement(By.id("reveal-id")).click();
        wait.until(d -> text("#reveal-id-value").equals(fullId));
        screenshot("trainee-detail");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'REVEAL_ID_NUMBER'"
                + " AND subject_id = ? AND actor = 'jj-coord'", Integer.class, String.valueOf(own))).isOne();

        open("/trainee/" + foreign);
        String foreignPage = renderedErrorPage();
        open("/trainee/987654321");
        assertThat(renderedErrorPage()).isEqualTo(foreignPage);
    }
}
