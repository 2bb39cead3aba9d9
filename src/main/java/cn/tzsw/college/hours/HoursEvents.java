package cn.tzsw.college.hours;

import java.math.BigDecimal;
import java.time.LocalDate;

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
     * An administrator or coordinator asked to remind a trainee whose registration period ends soon with hours
     * still missing; the notification capability writes the mail.
     */
    public record ReminderRequested(long traineeId, LocalDate periodEnd, BigDecimal required, BigDecimal earned,
                                    BigDecimal shortfall) {
    }
}
