package cn.tzsw.college.ui;


import cn.tzsw.college.IntegrationTest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The main journeys in a real Chromium (Debian's chromium and chromedriver, installed by .ci/run). */
public abstract class BrowserTest extends IntegrationTest {

    /** One Chromium per test class: starting one costs more than most tests; each test starts signed out. */
    private static WebDriver browser;

    @LocalServerPort
    protected int port;
    protected WebDriver driver;
    protected WebDriverWait wait;

    protected int windowWidth() {
        return 1280;
    }

    @BeforeEach
    void startBrowser() throws Exception {
        if (browser == null) {
            browser = newBrowser();
        } else {
            ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
            browser.get("about:blank"); // ends the last test's page, its scripts and heartbeats with it
        }
        browser.manage().window().setSize(new Dimension(windowWidth(), 900));
        driver = browser;
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    private static WebDriver newBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=zh-CN", "--user-data-dir=" + Files.createTempDirectory("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    protected void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    protected void signIn(String username, String password) {
        open("/login");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='username']")));
        driver.findElement(By.cssSelector("input[name='username']")).sendKeys(username);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main-menu")));
    }

    protected String text(String cssSelector) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cssSelector)));
        return (String) ((JavascriptExecutor) driver)
                .executeScript("return document.querySelector(arguments[0]).textContent", cssSelector);
    }

    protected Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Keeps the test honest about what a person saw: the page as text, for assertion messages. */
    protected String pageText() {
        return (String) script("return document.body.innerText");
    }

}
