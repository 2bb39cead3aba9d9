package cn.tzsw.college.catalog;

import cn.tzsw.college.shared.CertificateLevel;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything public about one lecture (课次) and its course, as the catalogue and registration see it. */
public record LectureInfo(long id, long courseId, String courseTitle, String summary, Category category,
                          BigDecimal creditHours, CourseFormat format, String organiserCode,
                          List<Instructor> instructors, Set<CertificateLevel> targetLevels, CourseStatus courseStatus,
                          LocalDateTime startsAt, LocalDateTime endsAt, String venue, String streamUrl, String videoUrl,
                          int capacity, int taken, LocalDateTime registrationOpens, LocalDateTime registrationCloses,
                          LocalDateTime cancellationDeadline, String regionRestriction, Map<String, Integer> quotaSeats,
                          LectureStatus status) {

    public int seatsLeft() {
        return Math.max(0, capacity - taken);
    }

    public boolean hasQuotaFor(String countyCode) {
        return quotaSeats.containsKey(countyCode);
    }

    public boolean registrationOpenAt(LocalDateTime now) {
        return status == LectureStatus.SCHEDULED && courseStatus == CourseStatus.PUBLISHED
                && !now.isBefore(registrationOpens) && now.isBefore(registrationCloses);
    }

    public Availability availability(LocalDateTime now) {
        if (status == LectureStatus.CANCELLED) {
            return Availability.CANCELLED;
        }
        if (now.isBefore(registrationOpens)) {
            return Availability.NOT_YET_OPEN;
        }
        if (!now.isBefore(registrationCloses)) {
            return Availability.CLOSED;
        }
        return seatsLeft() > 0 ? Availability.OPEN : Availability.FULL_WAITLIST;
    }
}
