package cn.tzsw.college.hours;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One line of a trainee's hours ledger. {@code lectureId}/{@code courseId} are null for hours earned outside. */
public record HoursEntry(long id, long traineeId, Long lectureId, Long courseId, String title, HoursSource source,
                         BigDecimal hours, LocalDate earnedOn, LocalDateTime recordedAt, String note) {
}
