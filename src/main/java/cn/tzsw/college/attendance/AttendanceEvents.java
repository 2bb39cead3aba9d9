package cn.tzsw.college.attendance;

import java.time.LocalDate;

/** What attendance tells the rest of the product; published inside the transaction that decided it. */
public final class AttendanceEvents {

    private AttendanceEvents() {
    }

    /** A trainee met the lecture's completion rule, for the first time. Published once per trainee and lecture. */
    public record LectureCompleted(long traineeId, long lectureId, AttendanceMethod method, LocalDate completedOn) {
    }
}
