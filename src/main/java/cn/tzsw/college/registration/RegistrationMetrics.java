package cn.tzsw.college.registration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Registrations for the operator's scraper: {@code college_registrations_total} by event (recorded, withdrawn,
 * promoted from the waitlist), counted once the change commits.
 */
@Component
class RegistrationMetrics {

    private final Counter recorded;
    private final Counter withdrawn;
    private final Counter promoted;

    RegistrationMetrics(MeterRegistry registry) {
        recorded = counter(registry, "recorded");
        withdrawn = counter(registry, "withdrawn");
        promoted = counter(registry, "promoted");
    }

    private static Counter counter(MeterRegistry registry, String event) {
        return Counter.builder("college.registrations").tag("event", event)
                .description("registration changes since start").register(registry);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onRecorded(RegistrationEvents.Recorded event) {
        recorded.increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onWithdrawn(RegistrationEvents.Withdrawn event) {
        withdrawn.increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onPromoted(RegistrationEvents.Promoted event) {
        promoted.increment();
    }
}
