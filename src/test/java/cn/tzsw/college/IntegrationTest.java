package cn.tzsw.college;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that need the whole application: one Spring context on a random port, a real MariaDB
 * (the embedded one in target/test-mariadb, wiped once per test run, or the server APP_DB_URL names), a real
 * SMTP server (GreenMail) and the demo data (admin, coordinators of 台州市/椒江区/海门街道, 50 trainees, the demo
 * catalogue).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"app.db.data-dir=target/test-mariadb", "app.mail.poll-interval=200ms",
                "app.attendance.video.dir=target/test-videos", "app.hours.evidence-dir=target/test-evidence",
                "logging.level.com.icegreen.greenmail=WARN", "app.metrics.token=" + IntegrationTest.TOKEN})
@ActiveProfiles("demo")
public abstract class IntegrationTest {

    /** The metrics scraper's token (app.metrics.token) of the tests' application. */
    protected static final String TOKEN = "test-scraper-token";

    /** One SMTP server for the whole run; tests that break it start it again. */
    protected static final MailServer MAIL = new MailServer();

    static {
        wipe(new File("target/test-mariadb").toPath());
    }

    @Autowired
    private ObjectProvider<SecurityContextHolderStrategy> securityContexts;

    /**
     * Each application installs its own security-context holder (Vaadin's, a ThreadLocal per instance) as the global
     * one; after a test class with an application of its own, the cached application's services would no longer see
     * who {@code Fixtures.as} signed in. So every test puts this application's holder back first.
     */
    @BeforeEach
    void useThisApplicationsSecurityContext() {
        securityContexts.ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", MAIL::port);
    }

    private static void wipe(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
