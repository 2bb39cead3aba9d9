package cn.tzsw.college.attendance;

import java.time.LocalDateTime;

/** One of a trainee's attendance marks with its lecture, as the trainee's page lists them. */
public record TraineeAttendance(long lectureId, String courseTitle, LocalDateTime startsAt, AttendanceStatus status,
                                AttendanceMethod method, LocalDateTime recordedAt) {
}
