package cn.tzsw.college.notification;

import cn.tzsw.college.notification.domain.MailMessageRepository;
import cn.tzsw.college.notification.domain.OutboxBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The health contributor {@code outbox}: DELAYED when a mail has waited longer than app.mail.delayed-after, with
 * the longest wait and the mail server's state. DELAYED is a status of its own, outside the order that makes the
 * overall health and readiness, so an unreachable mail server never takes the site out of a load balancer or gets
 * it restarted; the health group {@code mail} (/actuator/health/mail) answers 503 for it, for a monitor to alert.
 */
@Component
class OutboxHealthIndicator implements HealthIndicator {

    static final Status DELAYED = new Status("DELAYED", "mail waits longer than app.mail.delayed-after");

    private final OutboxBatch batch;
    private final MailMessageRepository outbox;
    private final MailServerState server;
    private final MailProperties properties;
    private final Clock clock;

    OutboxHealthIndicator(OutboxBatch batch, MailMessageRepository outbox, MailServerState server,
                          MailProperties properties, Clock clock) {
        this.batch = batch;
        this.outbox = outbox;
        this.server = server;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Health health() {
        LocalDateTime oldest = batch.oldestWaiting();
        Duration waited = oldest == null ? Duration.ZERO : Duration.between(oldest, LocalDateTime.now(clock));
        Health.Builder health = waited.compareTo(properties.delayedAfter()) > 0 ? Health.status(DELAYED) : Health.up();
        return health.withDetail("pending", outbox.countByStatus(MailStatus.PENDING))
                .withDetail("failed", outbox.countByStatus(MailStatus.FAILED))
                .withDetail("longestWaitSeconds", waited.toSeconds())
                .withDetail("delayedAfterSeconds", properties.delayedAfter().toSeconds())
                .withDetail("mailServer", !server.configured() ? "not configured"
                        : server.downSince() == null ? "answering"
                        : "not answering since " + server.downSince() + ": " + server.error())
                .build();
    }
}
