package cn.tzsw.college.registration.domain;

import cn.tzsw.college.catalog.LectureTerms;
import cn.tzsw.college.registration.RegistrationStatus;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registration path in plain SQL: what it reads in one round trip, and the row it writes, without an ORM
 * session between the seat claim and the commit (the lecture row stays locked for exactly that long).
 */
@Repository
public class EnrolmentSql {

    /**
     * The lecture's terms; the trainee (null id: no trainee profile) and their region; their earlier row for this
     * lecture (null id: none); a registered, scheduled lecture of theirs that overlaps this one (null: none; a
     * recorded video's window is when it may be watched, not an appointment, so it clashes with nothing); and a
     * fresh id from the sequence for a new row.
     */
    public record Standing(LectureTerms lecture, Long traineeId, String regionCode, Long registrationId,
                           RegistrationStatus status, Long overlappingLectureId, long freshId) {

        /** The id the registration will have: its earlier row's, or the fresh one. */
        public long idToUse() {
            return registrationId != null ? registrationId : freshId;
        }
    }

    /** Everything the decision reads, in one round trip: the registration path's own query. */
    private static final String STANDING = "SELECT " + LectureTerms.COLUMNS + """
            ,
                   t.id AS trainee_id, t.region_code AS trainee_region, r.id AS registration_id,
                   r.status AS registration_status,
                   (SELECT o.lecture_id FROM registration o JOIN lecture ol ON ol.id = o.lecture_id
                      JOIN course oc ON oc.id = ol.course_id
                    WHERE c.format <> 'RECORDED_VIDEO' AND o.trainee_id = t.id AND o.status = 'REGISTERED'
                      AND ol.status = 'SCHEDULED' AND ol.starts_at < l.ends_at AND ol.ends_at > l.starts_at
                      AND ol.id <> l.id AND oc.format <> 'RECORDED_VIDEO'
                    LIMIT 1) AS overlapping,
                   NEXTVAL(registration_id_seq) AS fresh_id
            FROM lecture l JOIN course c ON c.id = l.course_id
            LEFT JOIN trainee t ON %s
            LEFT JOIN registration r ON r.lecture_id = l.id AND r.trainee_id = t.id
            WHERE l.id = :lecture
            """;

    private final JdbcClient jdbc;

    EnrolmentSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The standing of the trainee whose account this is; empty when there is no such lecture. */
    public Optional<Standing> ofAccount(long accountId, long lectureId) {
        return standing("t.account_id = :key", accountId, lectureId);
    }

    /** The standing of the trainee; empty when there is no such lecture. */
    public Optional<Standing> ofTrainee(long traineeId, long lectureId) {
        return standing("t.id = :key", traineeId, lectureId);
    }

    private Optional<Standing> standing(String trainee, long key, long lectureId) {
        return jdbc.sql(STANDING.formatted(trainee)).param("key", key).param("lecture", lectureId)
                .query((rs, row) -> new Standing(LectureTerms.read(rs), rs.getObject("trainee_id", Long.class),
                        rs.getString("trainee_region"), rs.getObject("registration_id", Long.class),
                        Optional.ofNullable(rs.getString("registration_status")).map(RegistrationStatus::valueOf)
                                .orElse(null),
                        rs.getObject("overlapping", Long.class), rs.getLong("fresh_id")))
                .optional();
    }

    /**
     * A new row with the id drawn by {@link #ofAccount}; a second row for the same trainee and lecture fails on the
     * unique key.
     */
    public void insert(long id, long lectureId, long traineeId, String countyCode, RegistrationStatus status,
                       boolean byAdmin, LocalDateTime now) {
        jdbc.sql("""
                INSERT INTO registration (id, lecture_id, trainee_id, county_code, status, queued_at, changed_at, by_admin)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, lectureId, traineeId, countyCode, status.name(), now, now, byAdmin).update();
    }

    /**
     * A cancelled row rejoins at the back of the line, counted in the trainee's county of today; false when it
     * is no longer cancelled (the same trainee rejoined at the same moment).
     */
    public boolean rejoin(long registrationId, String countyCode, RegistrationStatus status, boolean byAdmin,
                          LocalDateTime now) {
        return jdbc.sql("""
                UPDATE registration SET county_code = ?, status = ?, by_admin = ?, queued_at = ?, changed_at = ?
                WHERE id = ? AND status = 'CANCELLED'
                """).params(countyCode, status.name(), byAdmin, now, now, registrationId).update() == 1;
    }
}
