package cn.tzsw.college.certificates;

/** What a verifier is told: the stored state, plus EXPIRED when a valid certificate's date has passed. */
public enum CertificateStatus {
    VALID, REVOKED, REPLACED, EXPIRED;

    public String messageKey() {
        return "certificate.status." + name();
    }
}
