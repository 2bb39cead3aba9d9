package cn.tzsw.college.certificates;

/** What the certificates capability tells the rest; published inside the issuing transaction. */
public final class CertificateEvents {

    private CertificateEvents() {
    }

    /**
     * A certificate was issued (also on reissue); the notification module mails the PDF if the holder is to be
     * told: not of a certificate issued {@code afterTheFact}, for a completion recorded after the fact
     * ({@link cn.tzsw.college.hours.HoursEvents.PastLecturesRecorded}).
     */
    public record Issued(long certificateId, long traineeId, String serial, CertificateKind kind, String title,
                         Boolean afterTheFact) {

        /** Whether the holder is to be told; an event stored before {@code afterTheFact} existed reads null: yes. */
        public boolean tellHolder() {
            return !Boolean.TRUE.equals(afterTheFact);
        }
    }
}
