package cn.tzsw.college.reporting;

import cn.tzsw.college.hours.ComplianceStatus;
import cn.tzsw.college.shared.CertificateLevel;
import java.math.BigDecimal;

/** One trainee in a village's report: masked ID number, hours and lecture entries in the period, status today. */
public record TraineeFigures(long id, String name, String maskedIdNumber, CertificateLevel level, BigDecimal hours,
                             long lectures, BigDecimal earnedInRegistrationPeriod, ComplianceStatus status) {
}
