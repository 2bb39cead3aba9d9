package cn.tzsw.college.hours;

import cn.tzsw.college.trainees.CertificateLevel;
import java.math.BigDecimal;
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
}
