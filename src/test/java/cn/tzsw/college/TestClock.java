package cn.tzsw.college;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The application's clock in tests: the system clock, which a test may move forward (never back), so that wall
 * time the rules count passes without waiting for it. Every test shares it, so the offset only grows.
 */
@Component
@Primary
public class TestClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;

    TestClock(@Value("${app.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.zone = zone;
    }

    /** Moves the clock forward by the amount. */
    public synchronized void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the clock never goes back");
        }
        offset = offset.plus(amount);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.offset(Clock.system(other), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
