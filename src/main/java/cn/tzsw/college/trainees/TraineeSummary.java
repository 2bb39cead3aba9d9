package cn.tzsw.college.trainees;

import cn.tzsw.college.shared.CertificateLevel;
import cn.tzsw.college.shared.Gender;

/** A trainee as lists show them: ID number and phone already masked. */
public record TraineeSummary(long id, String name, String maskedIdNumber, String maskedPhone, Gender gender,
                             String workUnit, String regionCode, CertificateLevel certificateLevel) {
}
