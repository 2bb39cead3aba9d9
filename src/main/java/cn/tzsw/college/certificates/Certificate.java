package cn.tzsw.college.certificates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The server's record of a certificate, everything printed on it included (name and masked ID as of issue),
 * so that the PDF can be rendered again at any time and a verifier sees what was issued.
 *
 * @param requiredHours hours records only: the requirement of the period covered (null for a calendar year)
 * @param lines         hours records only: the ledger lines as printed
 * @param revoked       the stored state is REVOKED
 * @param replacedBy    the serial of the certificate that replaced this one, if reissued
 */
public record Certificate(long id, String serial, String code, CertificateKind kind, long traineeId, Long lectureId,
                          Long courseId, String holderName, String holderIdMasked, String title, BigDecimal hours,
                          BigDecimal requiredHours, LocalDate coversFrom, LocalDate coversTo,
                          List<CertificateLine> lines, LocalDate issuedOn, LocalDateTime issuedAt, String issuedBy,
                          LocalDate validUntil, boolean revoked, LocalDateTime revokedAt, String revokedReason,
                          String replacedBy) {

    public CertificateStatus status(LocalDate today) {
        if (revoked) {
            return CertificateStatus.REVOKED;
        }
        if (replacedBy != null) {
            return CertificateStatus.REPLACED;
        }
        if (validUntil != null && today.isAfter(validUntil)) {
            return CertificateStatus.EXPIRED;
        }
        return CertificateStatus.VALID;
    }

    /** The verification code as printed: groups of four. */
    public String printedCode() {
        return VerificationCodes.group(code);
    }
}
