package cn.tzsw.college.faults;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Awaitility's waits as these tests need them: the condition is checked at once and then every 20 ms. Awaitility's
 * defaults (a first check after 100 ms, then one every 100 ms) added a tenth of a second to each wait, even for a
 * condition that already held; the conditions here (a query, a look at a process, a local request) cost far less
 * than that.
 */
final class Waits {

    private static final Duration INTERVAL = Duration.ofMillis(20);

    private Waits() {
    }

    static ConditionFactory await() {
        return Awaitility.await().pollDelay(Duration.ZERO).pollInterval(INTERVAL);
    }

    static ConditionFactory await(String alias) {
        return Awaitility.await(alias).pollDelay(Duration.ZERO).pollInterval(INTERVAL);
    }
}
