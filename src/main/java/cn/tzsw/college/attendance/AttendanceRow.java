package cn.tzsw.college.attendance;

import java.time.LocalDateTime;

/** One trainee on a lecture's attendance sheet; {@code status} null when nothing is recorded yet. */
public record AttendanceRow(long traineeId, String name, String maskedPhone, String regionCode,
                            AttendanceStatus status, AttendanceMethod method, String siteName,
                            LocalDateTime recordedAt, String reason) {
}
