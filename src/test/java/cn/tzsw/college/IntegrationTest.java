package cn.tzsw.college;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
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
        properties = {"app.mail.poll-interval=200ms", "logging.level.com.icegreen.greenmail=WARN",
                // a hung mail server is given up after this (30 s in production), so its test waits 2.5 s, not 30;
                // the bulk worker looks for work every quarter second (2 s in production), so a bulk issue is done
                // well within the hang, and the tests that start one wait less for it
                "spring.mail.properties.mail.smtp.timeout=2500", "app.certificates.bulk-poll-interval=250ms",
                "app.metrics.token=" + IntegrationTest.TOKEN,
                // bcrypt at its lowest cost instead of the application's (10, SecurityConfigurationTest): a hash or a
                // sign-in then takes a millisecond of CPU, not a tenth of a second, and the demo data (53 accounts)
                // and the tests' hundreds of sign-ins are a CPU-bound share of the suite. The stored hashes stay
                // bcrypt, so every rule about passwords is tested as it runs.
                "app.security.password-strength=4"})
@ActiveProfiles("demo")
public abstract class IntegrationTest {

    /** The metrics scraper's token (app.metrics.token) of the tests' application. */
    protected static final String TOKEN = "test-scraper-token";

    /** One SMTP server for the whole run; tests that break it start it again. */
    protected static final MailServer MAIL = new MailServer();

    static {
        TestDatabase.wipeOnce();
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

    @Autowired
    private AutowireCapableBeanFactory beans;
    private final List<Object> otherNodes = new ArrayList<>();

    /**
     * A second instance of an application component, as another app node holds it (its own memory, the same
     * database). It is destroyed after the test, so that its scheduled jobs stop and do not crowd the shared
     * application's scheduler in later tests.
     */
    protected <T> T onAnotherNode(Class<T> type) {
        T node = beans.createBean(type);
        otherNodes.add(node);
        return node;
    }

    @AfterEach
    void stopOtherNodes() {
        otherNodes.forEach(beans::destroyBean);
        otherNodes.clear();
    }

    @DynamicPropertySource
    static void foldersAndMailServer(DynamicPropertyRegistry registry) {
        registry.add("app.db.data-dir", () -> TestDatabase.FOLDER);
        registry.add("app.attendance.video.dir", () -> TestDatabase.perFork("target/test-videos"));
        registry.add("app.hours.evidence-dir", () -> TestDatabase.perFork("target/test-evidence"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", MAIL::port);
    }
}
