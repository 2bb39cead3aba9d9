package cn.tzsw.college.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The health contributor {@code outbox}: DELAYED when a mail has waited longer than app.mail.delayed-after, or the
 * dispatcher has not looked at the outbox for that long, with the longest wait and the mail server's state.
 * DELAYED is a status of its own, outside the order that makes the overall health and readiness, so an unreachable
 * mail server never takes the site out of a load balancer or gets it restarted; the health group {@code mail}
 * (/actuator/health/mail) answers 503 for it, for a monitor to alert. It reads what the dispatcher saw at its last
 * round, so a health check never waits for the database.
 */
@Component
class OutboxHealthIndicator implements HealthIndicator {

    static final Status DELAYED = new Status("DELAYED", "mail waits longer than app.mail.delayed-after");

    private final MailServerState server;
    private final MailProperties properties;
    private final Clock clock;

    OutboxHealthIndicator(MailServerState server, MailProperties properties, Clock clock) {
        this.server = server;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Health health() {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime lookedAt = server.lookedAt();
        if (lookedAt == null) {
            return Health.unknown().withDetail("outbox", "not looked at yet").build();
        }
        LocalDateTime oldest = server.oldestWaitingSince();
        Duration waited = oldest == null ? Duration.ZERO : Duration.between(oldest, now);
        Duration sinceLook = Duration.between(lookedAt, now);
        Duration limit = properties.delayedAfter();
        boolean delayed = waited.compareTo(limit) > 0 || sinceLook.compareTo(limit) > 0;
        return (delayed ? Health.status(DELAYED) : Health.up())
                .withDetail("longestWaitSeconds", waited.toSeconds())
                .withDetail("lastLookSecondsAgo", sinceLook.toSeconds())
                .withDetail("delayedAfterSeconds", limit.toSeconds())
                .withDetail("mailServer", !server.configured() ? "not configured"
                        : server.downSince() == null ? "answering"
                        : "not answering since " + server.downSince() + ": " + server.error())
                .build();
    }
}
