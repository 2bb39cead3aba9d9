package cn.tzsw.college.certificates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** What anyone holding the code may learn: the server's record, the holder's name partly masked. */
public record Verification(String code, String serial, CertificateKind kind, CertificateStatus status,
                           String holderName, String title, BigDecimal hours, LocalDate coversFrom,
                           LocalDate coversTo, LocalDate issuedOn, LocalDate validUntil, LocalDateTime revokedAt,
                           String revokedReason, String replacedBy, String issuer) {
}
