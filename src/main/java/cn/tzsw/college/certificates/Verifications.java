package cn.tzsw.college.certificates;

import cn.tzsw.college.certificates.domain.CertificateStore;
import cn.tzsw.college.shared.Masking;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public verification by code (typed, or from the QR link), with no sign-in: it answers only for the exact code
 * and gives the holder's name masked, so it cannot be used to look people up.
 */
@Service
@Transactional(readOnly = true)
public class Verifications {

    private final CertificateStore store;
    private final CertificateProperties properties;
    private final Clock clock;

    Verifications(CertificateStore store, CertificateProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** What the public verification page shows for a code; empty for codes never issued. */
    public Optional<Verification> verify(String typedCode) {
        String code = VerificationCodes.normalise(typedCode);
        if (code == null) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        return store.findByCode(code).map(c -> new Verification(c.code(), c.serial(), c.kind(), c.status(today),
                Masking.name(c.holderName()), c.title(), c.hours(), c.coversFrom(), c.coversTo(), c.issuedOn(),
                c.validUntil(), c.revokedAt(), c.revokedReason(), c.replacedBy(), properties.issuer()));
    }
}
