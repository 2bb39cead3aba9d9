package cn.tzsw.college.hours;

import cn.tzsw.college.audit.AuditTrail;
import cn.tzsw.college.hours.domain.RenewalRepository;
import cn.tzsw.college.security.AccessScope;
import cn.tzsw.college.shared.RegionCodes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The re-registration window: certified trainees whose current period ends within the next days
 * ({@code app.hours.renewal-window-days}) while they still miss hours, inside the caller's subtree; and the reminder
 * mail to all of them at once (through the notification outbox).
 */
@Service
@Transactional(readOnly = true)
public class RenewalService {

    private final RenewalRepository renewals;
    private final AccessScope scope;
    private final HoursProperties properties;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    RenewalService(RenewalRepository renewals, AccessScope scope, HoursProperties properties,
                   ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
        this.renewals = renewals;
        this.scope = scope;
        this.properties = properties;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    public int windowDays() {
        return properties.renewalWindowDays();
    }

    public int reminderIntervalDays() {
        return properties.reminderIntervalDays();
    }

    /** One page of the window, optionally narrowed to a region inside the caller's subtree; soonest end first. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public Page<RenewalCandidate> window(String regionCode, Pageable pageable) {
        String prefix = visiblePrefix(regionCode);
        LocalDate today = LocalDate.now(clock);
        LocalDate windowEnd = windowEnd(today);
        return new PageImpl<>(renewals.window(prefix, today, windowEnd, pageable.getOffset(), pageable.getPageSize()),
                pageable, renewals.count(prefix, today, windowEnd));
    }

    /**
     * Mails a reminder to everyone in the window (within the region) who was not reminded in the last
     * {@code app.hours.reminder-interval-days}; returns how many were asked for.
     */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public int sendReminders(String regionCode) {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime quietSince = now.minusDays(properties.reminderIntervalDays());
        String prefix = visiblePrefix(regionCode);
        LocalDate today = now.toLocalDate();
        List<RenewalCandidate> due = renewals.window(prefix, today, windowEnd(today)).stream()
                .filter(c -> c.lastReminded() == null || c.lastReminded().isBefore(quietSince)).toList();
        for (RenewalCandidate candidate : due) {
            events.publishEvent(new HoursEvents.ReminderRequested(candidate.traineeId(), candidate.periodEnd(),
                    candidate.required(), candidate.earned(), candidate.shortfall()));
        }
        if (!due.isEmpty()) {
            renewals.reminded(due.stream().map(RenewalCandidate::traineeId).toList(), now);
        }
        audit.record("SEND_RENEWAL_REMINDERS", "region", regionCode == null ? "*" : regionCode, due.size() + " trainees");
        return due.size();
    }

    /** The prefix of the region asked for, inside the caller's subtree; without one, the caller's whole subtree. */
    private String visiblePrefix(String regionCode) {
        if (regionCode != null && !regionCode.isBlank()) {
            scope.requireVisible(regionCode);
            return RegionCodes.subtreePrefix(regionCode);
        }
        return scope.visiblePrefix().orElse("");
    }

    /** The last day a period in the window may end: within [today, today + days]. */
    private LocalDate windowEnd(LocalDate today) {
        return today.plusDays(properties.renewalWindowDays());
    }
}
