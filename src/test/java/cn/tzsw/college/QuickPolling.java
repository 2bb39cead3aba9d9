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

    /** The steps a wait polls at: short while the answer is likely just a moment away, then a steady 100 ms. */
    private static final PollInterval STEPS = (pollCount, previous) ->
            pollCount <= 1 ? Duration.ofMillis(10)
                    : Duration.ofMillis(Math.clamp(previous.toMillis() * 2, 10, 100));

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(STEPS);
    }
}
