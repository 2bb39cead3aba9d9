package cn.tzsw.college.trainees.domain;

import cn.tzsw.college.shared.CertificateLevel;
import cn.tzsw.college.shared.IdNumber;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Set-based reads and writes of trainees for roster imports of thousands of lines and the mails of a registration
 * burst: one statement per batch, not an entity per row (10,000 lines in a few seconds). Joins the caller's
 * transaction.
 */
public interface TraineeBatch {

    /** A trainee the import may update: its ids and what the checks compare. */
    record Existing(long traineeId, long accountId, String phone, String regionCode) {
    }

    /** A new trainee; gender and birth date come from the ID number. */
    record NewTrainee(long accountId, String name, IdNumber idNumber, String phone, String email, String workUnit,
                      String regionCode, CertificateLevel level, LocalDate periodStart) {
    }

    /** New profile values of an existing trainee; a null e-mail keeps the one on file. */
    record Change(long traineeId, String name, String phone, String email, String workUnit, String regionCode,
                  CertificateLevel level, LocalDate periodStart) {
    }

    /** Where to write to a trainee: name, e-mail (may be null) and the account whose language the mail uses. */
    record Addressee(long traineeId, String name, String email, long accountId) {
    }

    /** The trainees among these ids that exist, as addressees. */
    List<Addressee> addressees(Collection<Long> traineeIds);

    /** The trainees with these ID numbers, by ID number. */
    Map<String, Existing> existingByIdNumber(Collection<String> idNumbers);

    /** The ids of the trainees with these phone numbers, by phone number. */
    Map<String, Long> idsByPhone(Collection<String> phones);

    void insertAll(List<NewTrainee> trainees);

    void updateAll(List<Change> changes);
}
