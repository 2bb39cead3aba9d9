package cn.tzsw.college.hours;

import cn.tzsw.college.shared.CertificateLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A certified trainee whose registration period ends soon with hours still missing. */
public record RenewalCandidate(long traineeId, String name, String maskedPhone, String regionCode, CertificateLevel level,
                               LocalDate periodStart, LocalDate periodEnd, BigDecimal required, BigDecimal earned,
                               long daysLeft, boolean hasEmail, LocalDateTime lastReminded) {

    public BigDecimal shortfall() {
        return required.subtract(earned).max(BigDecimal.ZERO);
    }
}
