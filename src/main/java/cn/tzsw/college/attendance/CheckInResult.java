package cn.tzsw.college.attendance;

/** A check-in's answer: the lecture, the mark, and whether this call made it (false when already checked in). */
public record CheckInResult(long lectureId, String courseTitle, AttendanceStatus status, boolean newlyRecorded) {
}
