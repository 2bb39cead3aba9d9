package cn.tzsw.college.certificates;

/** What the certificates capability tells the rest; published inside the issuing transaction. */
public final class CertificateEvents {

    private CertificateEvents() {
    }

    /** A certificate was issued (also on reissue); the notification module mails the PDF. */
    public record Issued(long certificateId, long traineeId, String serial, CertificateKind kind, String title) {
    }
}
