package cn.tzsw.college.hours;

import java.math.BigDecimal;

/** What the hours ledger tells the rest of the product; published inside the booking transaction. */
public final class HoursEvents {

    private HoursEvents() {
    }

    /** Hours for a completed lecture were booked; happens once per trainee and lecture. */
    public record LectureHoursBooked(long entryId, long traineeId, long lectureId, long courseId, BigDecimal hours) {
    }
}
