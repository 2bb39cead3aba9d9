package cn.tzsw.college.hours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the hours ledger tells the rest of the product; published inside the booking transaction. */
public final class HoursEvents {

    private HoursEvents() {
    }

    /**
     * Hours for a completed lecture were booked; happens once per trainee and lecture. Carries the entry as booked
     * (course title, hours, day), which is what a completion certificate states.
     */
    public record LectureHoursBooked(long entryId, long traineeId, long lectureId, long courseId, String title,
                                     BigDecimal hours, LocalDate earnedOn) {
    }

    /**
     * Completions recorded after the fact ({@link HoursLedger#recordPastLectures}): the entries' ids, at most
     * {@link #MAX_PAST_ENTRIES} per event so that each fits the event publication's column. Each entry earns its
     * completion certificate like any completion, but nobody is told: a mail about a lecture months ago is noise,
     * and the certificate is on the trainee's own page.
     */
    public record PastLecturesRecorded(List<Long> entryIds) {

        /** 150 ids of up to 19 digits with their commas: 3,000 characters, inside the publication's 4,000. */
        public static final int MAX_PAST_ENTRIES = 150;
    }

    /**
     * An administrator or coordinator asked to remind a trainee whose registration period ends soon with hours
     * still missing; the notification capability writes the mail.
     */
    public record ReminderRequested(long traineeId, LocalDate periodEnd, BigDecimal required, BigDecimal earned,
                                    BigDecimal shortfall) {
    }
}
