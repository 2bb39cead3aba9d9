package cn.tzsw.college.tracking;

import cn.tzsw.college.hours.ComplianceStatus;
import cn.tzsw.college.shared.CertificateLevel;
import cn.tzsw.college.shared.Gender;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of the trainee directory: masked numbers, and the standing in the current registration period. */
public record DirectoryEntry(long id, String name, String maskedIdNumber, String maskedPhone, Gender gender,
                             String workUnit, String regionCode, CertificateLevel level, LocalDate periodEnd,
                             BigDecimal required, BigDecimal earned, ComplianceStatus compliance) {
}
