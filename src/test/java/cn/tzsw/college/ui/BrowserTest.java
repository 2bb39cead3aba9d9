package cn.tzsw.college.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.QuickPolling;
import cn.tzsw.college.WebClient;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Sleeper;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/** The main journeys in a real Chromium (Debian's chromium and chromedriver, installed by .ci/run). */
@ExtendWith(BrowserTest.Chromium.class)
public abstract class BrowserTest extends IntegrationTest {

    @LocalServerPort
    protected int port;
    protected WebDriver driver;
    /** Whether the browser shows a page of the app, loaded in the session whose cookies it holds now. */
    private boolean appLoadedInThisSession;
    protected WebDriverWait wait;
    @Value("${app.attendance.video.max-rate}")
    private double maxRate;

    protected int windowWidth() {
        return 1280;
    }

    /** Each test starts on a blank page, signed out, with nothing the site stored in the browser before. */
    @BeforeEach
    void freshPage(WebDriver browser) {
        browser.get("about:blank"); // ends the last test's page, its scripts and heartbeats with it
        ChromeDriver chromium = (ChromeDriver) browser;
        chromium.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        chromium.executeCdpCommand("Storage.clearDataForOrigin",
                Map.of("origin", "http://localhost:" + port, "storageTypes", "all"));
        browser.manage().window().setSize(new Dimension(windowWidth(), 900));
        driver = browser;
        wait = newWait();
        appLoadedInThisSession = false;
    }

    /**
     * A wait of its own (the shared {@link #wait} keeps a changed timeout or message). It looks again after 10, 20,
     * 40 and 80 ms, then every 100 ms: a page's elements mostly appear a moment after the action, and fixed steps
     * of a tenth of a second (half a second before) added up to a large part of these tests' time.
     */
    protected WebDriverWait newWait() {
        return new QuickWait(driver, Duration.ofSeconds(60));
    }

    /** A WebDriverWait whose steps ({@link QuickPolling}'s) start short again on every {@link #until}. */
    private static final class QuickWait extends WebDriverWait {

        private final Steps steps;

        QuickWait(WebDriver driver, Duration timeout) {
            this(driver, timeout, new Steps());
        }

        private QuickWait(WebDriver driver, Duration timeout, Steps steps) {
            super(driver, timeout, Duration.ofMillis(100), Clock.systemDefaultZone(), steps);
            this.steps = steps;
        }

        @Override
        public <V> V until(Function<? super WebDriver, ? extends V> isTrue) {
            steps.next = QuickPolling.FIRST_STEP;
            return super.until(isTrue);
        }
    }

    private static final class Steps implements Sleeper {

        private Duration next = QuickPolling.FIRST_STEP;

        @Override
        public void sleep(Duration pollingInterval) throws InterruptedException {
            Duration now = next;
            next = QuickPolling.after(now);
            Sleeper.SYSTEM_SLEEPER.sleep(now);
        }
    }

    /**
     * One Chromium for every browser test of the test JVM, started on first use and quit when its tests are done:
     * starting one costs more than most tests. Its HTTP cache is kept, as a person's browser keeps it.
     */
    static final class Chromium implements ParameterResolver {

        private static final Path HEADLESS_SHELL = Path.of("/usr/lib/chromium/chromium-headless-shell");

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == WebDriver.class;
        }

        @Override
        public WebDriver resolveParameter(ParameterContext parameter, ExtensionContext context) {
            // the launcher session spans the JVM's test classes, which surefire may run one request each
            return context.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION,
                            ExtensionContext.Namespace.create(Chromium.class))
                    .computeIfAbsent(Running.class, key -> start(), Running.class).driver();
        }

        private static Running start() {
            ChromeOptions options = new ChromeOptions();
            Path profile;
            try {
                profile = Files.createTempDirectory("chromium");
                options.setBinary(browser(profile));
                options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--lang=zh-CN", "--user-data-dir=" + profile);
                // one renderer for the one site, and none of a desktop browser's services (as Puppeteer starts it):
                // the browser's CPU over three journey classes 36 -> 33 s
                options.addArguments("--disable-site-isolation-trials",
                        "--disable-features=IsolateOrigins,site-per-process,Translate,OptimizationHints,MediaRouter,"
                                + "AutofillServerCommunication",
                        "--disable-extensions", "--disable-renderer-backgrounding", "--disable-breakpad", "--mute-audio",
                        "--disable-smooth-scrolling");
                // V8 without its optimising compilers (Maglev, TurboFan), as the test JVM runs without C2: a page's
                // scripts run for seconds, too briefly to repay compiling them twice (browser tests' Chromium CPU
                // lower in four of four alternating pairs, by 2-12 s of 50-73)
                options.addArguments("--js-flags=--no-opt --no-maglev");
                options.setScriptTimeout(Duration.ofSeconds(60)); // as long as a wait: a video plays to its end
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                    .build();
            return new Running(new ChromeDriver(service, options), profile);
        }

        /**
         * The system property chromium.binary, else Chromium's headless shell where it is installed (Debian's
         * chromium-headless-shell), else Chromium. The shell renders pages as Chromium does, without a browser
         * window's machinery: the browser tests' Chromium CPU fell by about 30 %. ChromeDriver starts a browser
         * without a page and then looks for one; Chromium opens a blank tab, the shell opens nothing, so it is
         * started through a launcher that names the blank page.
         */
        private static String browser(Path folder) throws IOException {
            String chosen = System.getProperty("chromium.binary");
            if (chosen != null) {
                return chosen;
            }
            if (!Files.isExecutable(HEADLESS_SHELL)) {
                return "/usr/bin/chromium";
            }
            Path launcher = folder.resolveSibling(folder.getFileName() + "-launcher");
            Files.writeString(launcher, "#!/bin/sh\nexec " + HEADLESS_SHELL + " \"$@\" about:blank\n");
            launcher.toFile().setExecutable(true);
            return launcher.toString();
        }

        /** Closed with the launcher session, after the JVM's last test; its profile and launcher go with it. */
        private record Running(WebDriver driver, Path profile) implements AutoCloseable {

            @Override
            public void close() throws IOException {
                driver.quit();
                FileSystemUtils.deleteRecursively(profile);
                Files.deleteIfExists(profile.resolveSibling(profile.getFileName() + "-launcher"));
            }
        }
    }

    /**
     * Loads the page, as a person who types the address or follows a link from outside the app does (the app's
     * scripts start again).
     */
    protected void open(String path) {
        driver.get("http://localhost:" + port + path);
        appLoadedInThisSession = true;
    }

    /**
     * Goes to a page from within the app, as a click on one of its links does: Vaadin's router shows the view
     * without loading the page again, and this returns once the address is the new one and the view's answer has
     * arrived. Without a page of the app in the browser, or after the browser's session changed ({@link #use}), the
     * page is loaded ({@link #open}).
     */
    protected void navigate(String path) {
        // a click while the page still waits for an answer (as a page just loaded may) is lost: wait for the page
        Object page = !appLoadedInThisSession ? "other" : wait.until(d -> script("""
                if (!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)
                    || location.port != arguments[0]) {
                  return 'other';
                }
                return Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive()) ? 'ready'
                    : null;""", String.valueOf(port)));
        if ("other".equals(page)) {
            open(path);
            return;
        }
        script("const a = document.createElement('a'); a.setAttribute('router-link', ''); a.href = arguments[0];"
                + " document.body.appendChild(a); a.click(); a.remove();", path);
        wait.until(d -> Boolean.TRUE.equals(script("return location.pathname + location.search == arguments[0]"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())", path)));
    }

    /**
     * Signs in as the login form does (its CSRF token, its form post), over HTTP, puts the session's cookie in the
     * browser and opens the home page: one page load where filling the form took two. The form itself is what
     * PortalJourneys, ShellBrowserTest, PortalPhoneBrowserTest and ContentSecurityPolicyBrowserTest go through;
     * the other journeys start signed in.
     */
    protected void signIn(String username, String password) {
        WebClient web = new WebClient(port);
        try {
            String home = web.signIn(username, password).headers().firstValue("Location").orElse("");
            assertThat(home).as("where signing in as %s leads", username).doesNotContain("error");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String session = web.cookie("JSESSIONID").orElseThrow().substring("JSESSIONID=".length());
        ((ChromeDriver) driver).executeCdpCommand("Network.setCookie", Map.of("name", "JSESSIONID",
                "value", session, "url", "http://localhost:" + port + "/", "httpOnly", true, "sameSite", "Lax"));
        open("/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main-menu")));
    }

    /**
     * Clicks as a person does, once the element can take the click: a dialog's button that is still moving in is
     * covered by the dialog, and the click is refused rather than made, so it is tried again.
     */
    protected void press(By target) {
        newWait().ignoring(ElementNotInteractableException.class).until(d -> {
            d.findElement(target).click();
            return true;
        });
    }

    /**
     * Clicks until what the click opens is there: grid rows are re-rendered while a search settles, and a click on
     * a row just replaced is lost. After a click it waits up to a second for the answer before clicking again, so
     * that a slow answer does not open the dialog twice.
     */
    protected void clickOnceRendered(By button, By opened) {
        clickUntil(d -> d.findElements(button).stream().filter(WebElement::isDisplayed).findFirst(),
                d -> !d.findElements(opened).isEmpty());
    }

    /**
     * Clicks the element (when it is shown) until the click has had its effect, a second at most per click: a
     * second click before the first one's answer could undo it (a selected row clicked again is unselected).
     */
    protected void clickUntil(Function<WebDriver, Optional<WebElement>> target, Function<WebDriver, Boolean> done) {
        // an element found a moment ago may be gone already: the grid re-rendered its rows
        newWait().ignoring(StaleElementReferenceException.class).until(d -> {
            if (done.apply(d)) {
                return true;
            }
            target.apply(d).ifPresent(element -> script("arguments[0].click()", element));
            try {
                return new QuickWait(d, Duration.ofSeconds(1)).until(done);
            } catch (TimeoutException e) {
                return false;
            }
        });
    }

    /**
     * Signs in with a clean cookie jar and keeps the session's cookies, so that several people can share one browser
     * and each signs in once: {@link #use} puts a kept session back.
     */
    protected Set<Cookie> signedIn(String username, String password) {
        driver.manage().deleteAllCookies();
        signIn(username, password);
        return Set.copyOf(driver.manage().getCookies());
    }

    protected void use(Set<Cookie> session) {
        appLoadedInThisSession = false;
        driver.manage().deleteAllCookies();
        session.forEach(driver.manage()::addCookie);
    }

    /** Starts the page's lecture video, muted, at the given speed (1 is normal). */
    protected void playVideo(double rate) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lecture-video")));
        wait.until(d -> Boolean.TRUE.equals(script(
                "return !!window.collegePlayer && document.getElementById('lecture-video').readyState >= 1")));
        script("const v = document.getElementById('lecture-video'); v.muted = true; v.playbackRate = arguments[0];"
                + " v.play();", rate);
    }

    /** Downloads what the link points to with the browser's own session, as a click on it would. */
    protected byte[] download(String href) {
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status)).then(buffer => {
                  let binary = '';
                  new Uint8Array(buffer).forEach(b => binary += String.fromCharCode(b));
                  done(btoa(binary));
                }).catch(e => done({failed: String(e)}));""", href);
        if (!(answer instanceof String base64)) {
            throw new AssertionError("Downloading " + href + " failed: " + answer);
        }
        return Base64.getDecoder().decode(base64);
    }

    /**
     * Returns once the page's video has ended, told by the video's own event: a wait that asked every tenth of a
     * second sent the browser a command each time.
     */
    protected void untilVideoEnded() {
        ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1], video = document.getElementById('lecture-video');
                if (video.ended) {
                  done();
                } else {
                  video.addEventListener('ended', () => done(), {once: true});
                }""");
    }

    /**
     * Nine tenths of the fastest speed the credit rule still credits in full (app.attendance.video.max-rate seconds
     * of video per second): the 12 s test video plays in under 7 s and earns every second, as at normal speed.
     */
    protected double creditedSpeed() {
        return 0.9 * maxRate;
    }

    protected String text(String cssSelector) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(cssSelector)));
        return (String) ((JavascriptExecutor) driver)
                .executeScript("return document.querySelector(arguments[0]).textContent", cssSelector);
    }

    protected Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * The error page's text once it is shown: the production bundle starts so soon that the title is in the page
     * before the page is laid out, when the page's text holds nothing else yet.
     */
    protected String renderedErrorPage() {
        String title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-title"))).getText();
        assertThat(title).isNotBlank();
        return pageText();
    }

    /** Keeps the test honest about what a person saw: the page as text, for assertion messages. */
    protected String pageText() {
        return (String) script("return document.body.innerText");
    }
}
