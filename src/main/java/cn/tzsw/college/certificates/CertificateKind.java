package cn.tzsw.college.certificates;

/** A completion certificate (结业证书) for one lecture, or a continuing-education hours record (继续教育学时证明). */
public enum CertificateKind {
    COMPLETION, HOURS_RECORD;

    public String messageKey() {
        return "certificate.kind." + name();
    }
}
