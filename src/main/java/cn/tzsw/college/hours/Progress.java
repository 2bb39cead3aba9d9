package cn.tzsw.college.hours;

import cn.tzsw.college.shared.CertificateLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A trainee's standing in the current registration period. Without a certificate there is no period and no
 * requirement ({@code period} null): the ledger then lists everything earned.
 */
public record Progress(long traineeId, String traineeName, CertificateLevel level, RegistrationPeriod period,
                       BigDecimal required, BigDecimal earned, long daysLeft, String ruleSource,
                       List<HoursEntry> entries) {

    public BigDecimal shortfall() {
        return required.subtract(earned).max(BigDecimal.ZERO);
    }

    /** Share of the requirement earned, 0..1; 1 when nothing is required. */
    public double share() {
        return required.signum() == 0 ? 1.0 : Math.min(1.0, earned.doubleValue() / required.doubleValue());
    }

    /**
     * MET when the requirement is earned; ON_TRACK when earned keeps pace with the elapsed share of the period. The
     * SQL form is {@link ComplianceSql#status}; ComplianceRuleSqlTest holds both to the same cases.
     */
    public ComplianceStatus status(LocalDate today) {
        if (period == null || required.signum() <= 0) {
            return ComplianceStatus.NOT_REQUIRED;
        }
        if (earned.compareTo(required) >= 0) {
            return ComplianceStatus.MET;
        }
        // Exact arithmetic (earned x period days >= required x elapsed days), so that the SQL form agrees to the day.
        long total = ChronoUnit.DAYS.between(period.start(), period.end().plusDays(1));
        long elapsed = Math.min(total, Math.max(0, ChronoUnit.DAYS.between(period.start(), today)));
        return earned.multiply(BigDecimal.valueOf(total)).compareTo(required.multiply(BigDecimal.valueOf(elapsed))) >= 0
                ? ComplianceStatus.ON_TRACK : ComplianceStatus.BEHIND;
    }
}
