package cn.tzsw.college.trainees;

import cn.tzsw.college.shared.CertificateLevel;
import cn.tzsw.college.shared.Gender;
import java.time.LocalDate;

/** One trainee's profile; personal numbers masked (full values are revealed only on purpose, and audited). */
public record TraineeDetails(long id, long accountId, String name, String maskedIdNumber, String maskedPhone,
                             Gender gender, LocalDate birthDate, String workUnit, String regionCode,
                             CertificateLevel certificateLevel, LocalDate periodStart) {
}
