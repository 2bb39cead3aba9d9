package cn.tzsw.college.certificates;

/** What the certificates capability tells the rest; published inside the issuing transaction. */
public final class CertificateEvents {

    private CertificateEvents() {
    }

    /**
     * A certificate was issued (also on reissue); the notification module mails the PDF, unless the certificate
     * is {@code afterTheFact}: issued for a completion recorded after the fact
     * ({@link cn.tzsw.college.hours.HoursEvents.PastLecturesRecorded}), whose holder is not told. (Named for the
     * exception, so that an event stored before the field existed reads as an ordinary issue.)
     */
    public record Issued(long certificateId, long traineeId, String serial, CertificateKind kind, String title,
                         boolean afterTheFact) {
    }
}
