package cn.tzsw.college.attendance;

import java.time.LocalDate;

/** What attendance tells the rest of the product; published inside the transaction that decided it. */
public final class AttendanceEvents {

    private AttendanceEvents() {
    }

    /** A trainee met the lecture's completion rule (may arrive again, e.g. after a correction: the ledger books once). */
    public record LectureCompleted(long traineeId, long lectureId, AttendanceMethod method, LocalDate completedOn) {
    }
}
