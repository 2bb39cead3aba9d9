package cn.tzsw.college.hours;

import cn.tzsw.college.audit.AuditTrail;
import cn.tzsw.college.security.AccessScope;
import cn.tzsw.college.shared.CertificateLevel;
import cn.tzsw.college.shared.Masking;
import cn.tzsw.college.shared.RegionCodes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final ComplianceSql compliance;
    private final AccessScope scope;
    private final HoursProperties properties;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    RenewalService(JdbcClient jdbc, ComplianceSql compliance, AccessScope scope, HoursProperties properties,
                   ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.compliance = compliance;
        this.scope = scope;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
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
        String sql = query(regionCode);
        Map<String, Object> params = params(regionCode);
        List<RenewalCandidate> rows = jdbc.sql(sql + " ORDER BY w.cur_end, w.name, w.id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query(this::candidate).list();
        long total = jdbc.sql("SELECT COUNT(*) FROM (" + sql + ") n").params(params).query(Long.class).single();
        return new PageImpl<>(rows, pageable, total);
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
        List<RenewalCandidate> due = jdbc.sql(query(regionCode)).params(params(regionCode)).query(this::candidate).list()
                .stream().filter(c -> c.lastReminded() == null || c.lastReminded().isBefore(quietSince)).toList();
        for (RenewalCandidate candidate : due) {
            events.publishEvent(new HoursEvents.ReminderRequested(candidate.traineeId(), candidate.periodEnd(),
                    candidate.required(), candidate.earned(), candidate.shortfall()));
        }
        if (!due.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO renewal_reminder (trainee_id, reminded_at) SELECT id, :now FROM trainee WHERE id IN (:ids)
                    ON DUPLICATE KEY UPDATE reminded_at = VALUES(reminded_at)""")
                    .param("now", now).param("ids", due.stream().map(RenewalCandidate::traineeId).toList()).update();
        }
        audit.record("SEND_RENEWAL_REMINDERS", "region", regionCode == null ? "*" : regionCode, due.size() + " trainees");
        return due.size();
    }

    private String query(String regionCode) {
        String trainees = """
                SELECT t.id, t.name, t.phone, t.email, t.region_code, t.certificate_level, t.period_start
                FROM trainee t
                WHERE t.region_code LIKE :prefix AND t.period_start IS NOT NULL""";
        return "SELECT w.*, r.reminded_at FROM (" + compliance.standing(trainees) + ") w"
                + " LEFT JOIN renewal_reminder r ON r.trainee_id = w.id"
                + " WHERE w.cur_end >= :today AND w.cur_end <= :windowEnd AND w.earned < w.required";
    }

    private Map<String, Object> params(String regionCode) {
        String prefix;
        if (regionCode != null && !regionCode.isBlank()) {
            scope.requireVisible(regionCode);
            prefix = RegionCodes.subtreePrefix(regionCode);
        } else {
            prefix = scope.visiblePrefix().orElse("");
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, Object> params = compliance.params(today);
        params.put("prefix", prefix + "%");
        params.put("today", today);
        // The period's last day lies within [today, today + days].
        params.put("windowEnd", today.plusDays(properties.renewalWindowDays()));
        return params;
    }

    private RenewalCandidate candidate(ResultSet rs, int row) throws SQLException {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = rs.getObject("cur_end", LocalDate.class);
        return new RenewalCandidate(rs.getLong("id"), rs.getString("name"), Masking.phone(rs.getString("phone")),
                rs.getString("region_code"), CertificateLevel.valueOf(rs.getString("certificate_level")),
                rs.getObject("cur_start", LocalDate.class), end, rs.getBigDecimal("required"),
                rs.getBigDecimal("earned"), Math.max(0, ChronoUnit.DAYS.between(today, end) + 1),
                rs.getString("email") != null, rs.getObject("reminded_at", LocalDateTime.class));
    }
}
