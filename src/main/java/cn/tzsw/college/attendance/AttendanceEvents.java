package cn.tzsw.college.attendance;

import cn.tzsw.college.catalog.LectureInfo;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What attendance tells the rest of the product; published inside the transaction that decided it. */
public final class AttendanceEvents {

    private AttendanceEvents() {
    }

    /**
     * A trainee met the lecture's completion rule (may arrive again, e.g. after a correction: the ledger books once),
     * with the course's facts the hours ledger books.
     */
    public record LectureCompleted(long traineeId, long lectureId, long courseId, String courseTitle,
                                   BigDecimal creditHours, AttendanceMethod method, LocalDate completedOn) {

        public static LectureCompleted of(long traineeId, LectureInfo lecture, AttendanceMethod method, LocalDate on) {
            return new LectureCompleted(traineeId, lecture.id(), lecture.courseId(), lecture.courseTitle(),
                    lecture.creditHours(), method, on);
        }
    }
}
