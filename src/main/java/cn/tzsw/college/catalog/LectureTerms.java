package cn.tzsw.college.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * The facts about a lecture that a seat decision needs (state, times, region restriction, which counties have
 * a quota), read in one query: the registration path does not pay for the course's instructors, levels and texts.
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

    /**
     * The select list the terms are read from, for a query that joins the lecture as {@code l} and its course as
     * {@code c}: hot paths (a registration) read the terms in the same round trip as their own facts.
     */
    public static final String COLUMNS = """
            l.id, l.status, c.status AS course_status, c.organiser_code, l.starts_at, l.ends_at,
            l.registration_opens, l.registration_closes, l.cancellation_deadline, l.region_restriction,
            (SELECT GROUP_CONCAT(q.county_code) FROM lecture_quota q WHERE q.lecture_id = l.id) AS quota_counties""";

    /** The terms from the current row of a query that selects {@link #COLUMNS}. */
    public static LectureTerms read(ResultSet rs) throws SQLException {
        String counties = rs.getString("quota_counties");
        return new LectureTerms(rs.getLong("id"), LectureStatus.valueOf(rs.getString("status")),
                CourseStatus.valueOf(rs.getString("course_status")), rs.getString("organiser_code"),
                rs.getObject("starts_at", LocalDateTime.class), rs.getObject("ends_at", LocalDateTime.class),
                rs.getObject("registration_opens", LocalDateTime.class),
                rs.getObject("registration_closes", LocalDateTime.class),
                rs.getObject("cancellation_deadline", LocalDateTime.class), rs.getString("region_restriction"),
                counties == null ? Set.of() : Set.of(counties.split(",")));
    }
}
