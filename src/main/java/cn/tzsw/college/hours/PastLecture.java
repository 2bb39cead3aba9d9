package cn.tzsw.college.hours;

import java.time.LocalDate;

/** A lecture a trainee completed before it reached the ledger: how they attended and on which day. */
public record PastLecture(long traineeId, long lectureId, HoursSource source, LocalDate earnedOn) {
}
