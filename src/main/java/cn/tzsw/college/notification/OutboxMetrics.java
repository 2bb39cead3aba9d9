package cn.tzsw.college.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.stereotype.Component;

/**
 * The outbox for the operator's scraper: {@code college_outbox_oldest_wait_seconds}, how long the oldest unsent
 * mail has waited, as the dispatcher saw it at its last round (a scrape never waits for the database), and
 * {@code college_outbox_last_look_age_seconds}, how long ago that round was.
 */
@Component
class OutboxMetrics {

    OutboxMetrics(MeterRegistry registry, MailServerState state, Clock clock) {
        Gauge.builder("college.outbox.oldest.wait", state, s -> secondsSince(s.oldestWaitingSince(), clock))
                .baseUnit("seconds").description("wait of the oldest unsent mail").register(registry);
        Gauge.builder("college.outbox.last.look.age", state, s -> s.lookedAt() == null ? Double.NaN
                        : secondsSince(s.lookedAt(), clock))
                .baseUnit("seconds").description("time since the dispatcher last looked at the outbox")
                .register(registry);
    }

    private static double secondsSince(LocalDateTime since, Clock clock) {
        return since == null ? 0 : Duration.between(since, LocalDateTime.now(clock)).toMillis() / 1000.0;
    }
}
