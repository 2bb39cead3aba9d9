package cn.tzsw.college.registration.domain;

import cn.tzsw.college.catalog.CourseStatus;
import cn.tzsw.college.catalog.LectureStatus;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * The facts about a lecture that a seat decision needs (state, times, region restriction, which counties have a
 * quota), read from catalog's read models {@code lecture_terms_v} and {@code lecture_quota_v}: a registration does
 * not pay for the course's instructors, levels and texts.
 */
public record LectureTerms(long id, LectureStatus status, CourseStatus courseStatus, String organiserCode,
                           LocalDateTime startsAt, LocalDateTime endsAt, LocalDateTime registrationOpens,
                           LocalDateTime registrationCloses, LocalDateTime cancellationDeadline,
                           String regionRestriction, Set<String> quotaCounties) {

    /** Scheduled, and its course published: the only state in which anyone can take a place. */
    public boolean takesRegistrations() {
        return status == LectureStatus.SCHEDULED && courseStatus == CourseStatus.PUBLISHED;
    }

    public boolean registrationOpenAt(LocalDateTime now) {
        return takesRegistrations() && !now.isBefore(registrationOpens) && now.isBefore(registrationCloses);
    }

    public boolean hasQuotaFor(String countyCode) {
        return quotaCounties.contains(countyCode);
    }

    LectureTerms withQuotaCounties(Set<String> counties) {
        return new LectureTerms(id, status, courseStatus, organiserCode, startsAt, endsAt, registrationOpens,
                registrationCloses, cancellationDeadline, regionRestriction, Set.copyOf(counties));
    }
}
