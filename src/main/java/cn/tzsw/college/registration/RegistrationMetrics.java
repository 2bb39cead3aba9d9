package cn.tzsw.college.registration;

import cn.tzsw.college.shared.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

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

    @EventListener
    void onRecorded(RegistrationEvents.Recorded event) {
        AfterCommit.run(recorded::increment);
    }

    @EventListener
    void onWithdrawn(RegistrationEvents.Withdrawn event) {
        AfterCommit.run(withdrawn::increment);
    }

    @EventListener
    void onPromoted(RegistrationEvents.Promoted event) {
        AfterCommit.run(promoted::increment);
    }
}
