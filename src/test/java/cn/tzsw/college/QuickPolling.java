package cn.tzsw.college;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.pollinterval.PollInterval;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * How every test's {@code await()} looks, unless it says otherwise: at once, then after 10, 20, 40, 80 ms and every
 * 100 ms from then on. Awaitility's default first waits a whole poll interval (100 ms) even when the condition
 * already holds, and the suite's few hundred awaits added those tenths of a second up to many seconds.
 */
public class QuickPolling implements LauncherSessionListener {

    /** The first step: the answer is likely just a moment away. */
    public static final Duration FIRST_STEP = Duration.ofMillis(10);
    private static final Duration LAST_STEP = Duration.ofMillis(100);
    private static final PollInterval STEPS = (pollCount, previous) -> pollCount <= 1 ? FIRST_STEP : after(previous);

    /** The step after this one: twice as long, up to a steady 100 ms. */
    public static Duration after(Duration step) {
        Duration doubled = step.multipliedBy(2);
        return doubled.compareTo(LAST_STEP) < 0 ? doubled : LAST_STEP;
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(STEPS);
    }
}
