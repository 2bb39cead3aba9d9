package cn.tzsw.college.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.QrScans;
import cn.tzsw.college.hours.HoursLedger;
import cn.tzsw.college.hours.HoursSource;
import cn.tzsw.college.security.SystemTasks;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 6's acceptance: a trainee who completed a lecture downloads the certificate; its QR code (decoded from
 * the PDF as an image) opens the verification page, which shows it valid; an administrator revokes it in the
 * browser, and the same page then shows it revoked with the reason.
 */
class CertificateBrowserTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    HoursLedger hoursLedger;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_downloaded_certificate_scans_to_a_page_that_shows_it_valid_and_then_revoked() throws Exception {
        String phone = "13800000047";
        long trainee = jdbc.queryForObject("SELECT id FROM trainee WHERE phone = ?", Long.class, phone);
        long lecture = fixtures.openLecture(20, Map.of());
        String title = jdbc.queryForObject("SELECT c.title FROM lecture l JOIN course c ON c.id = l.course_id"
                + " WHERE l.id = ?", String.class, lecture);
        SystemTasks.runAsSystem(() -> hoursLedger.bookLecture(trainee, lecture, HoursSource.IN_PERSON, LocalDate.now()));
        String serial = awaitSerial(trainee, lecture);

        signIn(phone, "Trainee@2026");
        navigate("/my/certificates");
        wait.until(d -> text("#my-certificates").contains(serial));
        assertThat(text("#my-certificates")).contains(title).contains("有效");
        WebElement download = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("a[data-serial='" + serial + "']")));
        screenshot("browser-my-certificates");
        byte[] pdf = download(download.getAttribute("href"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/certificates/browser-download.pdf"), pdf);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");

        URI scanned = URI.create(QrScans.readPdf(pdf, 0));
        assertThat(scanned.getPath()).startsWith("/verify/");
        // The QR holds the configured public address; in the test the app listens on a random local port.
        String verification = scanned.getPath() + "?lang=zh";
        driver.manage().deleteAllCookies();
        open(verification);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verify-status")));
        assertThat(driver.findElement(By.id("verify-status")).getAttribute("data-status")).isEqualTo("VALID");
        assertThat(pageText()).contains("有效", serial, title, "台州社会工作学院");
        screenshot("browser-verify-valid");

        signIn("admin", "Demo@2026");
        navigate("/admin/certificates");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#certificate-search input"))).sendKeys(serial);
        By revoke = By.cssSelector("vaadin-button.certificate-revoke[data-serial='" + serial + "']");
        wait.until(d -> text("#certificate-grid").contains(serial) && !d.findElements(revoke).isEmpty());
        clickOnceRendered(revoke, By.cssSelector("#revoke-reason textarea"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#revoke-reason textarea")))
                .sendKeys("培训签到记录核查不实");
        press(By.id("revoke-confirm"));
        wait.until(d -> text("#certificate-grid").contains("已撤销"));
        screenshot("browser-admin-revoked");

        driver.manage().deleteAllCookies();
        open(verification);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verify-status")));
        assertThat(driver.findElement(By.id("verify-status")).getAttribute("data-status")).isEqualTo("REVOKED");
        assertThat(pageText()).contains("已撤销", "培训签到记录核查不实", serial);
        screenshot("browser-verify-revoked");
    }

    /** Keeps what the browser showed, for people reviewing the change (target/certificates/*.png). */
    private void screenshot(String name) throws Exception {
        java.nio.file.Path folder = java.nio.file.Path.of("target/certificates");
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Files.write(folder.resolve(name + ".png"),
                ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    private String awaitSerial(long trainee, long lecture) {
        return await("a certificate issued").atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "SELECT serial FROM certificate WHERE trainee_id = ? AND lecture_id = ?", String.class, trainee, lecture)
                .stream().findFirst(), Optional::isPresent).orElseThrow();
    }
}
