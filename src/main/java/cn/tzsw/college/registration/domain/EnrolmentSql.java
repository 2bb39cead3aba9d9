package cn.tzsw.college.registration.domain;

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
     * The trainee (id and region), their earlier row for this lecture (null id: none), a registered, scheduled
     * lecture of theirs that overlaps [start, end) (null: none; a recorded video's window is when it may be
     * watched, not an appointment, so it clashes with nothing), and a fresh id from the sequence for a new row.
     */
    public record Standing(long traineeId, String regionCode, Long registrationId, RegistrationStatus status,
                           Long overlappingLectureId, long freshId) {

        /** The id the registration will have: its earlier row's, or the fresh one. */
        public long idToUse() {
            return registrationId != null ? registrationId : freshId;
        }
    }

    /** Everything the decision reads, in one round trip: the registration path's own query. */
    private static final String STANDING = """
            SELECT t.id, t.region_code, r.id, r.status,
                   (SELECT o.lecture_id FROM registration o JOIN lecture l ON l.id = o.lecture_id
                      JOIN course c ON c.id = l.course_id
                    WHERE o.trainee_id = t.id AND o.status = 'REGISTERED' AND l.status = 'SCHEDULED'
                      AND l.starts_at < :end AND l.ends_at > :start AND l.id <> :lecture
                      AND c.format <> 'RECORDED_VIDEO'
                      AND NOT EXISTS (SELECT 1 FROM lecture me JOIN course mc ON mc.id = me.course_id
                                      WHERE me.id = :lecture AND mc.format = 'RECORDED_VIDEO')
                    LIMIT 1) AS overlapping,
                   NEXTVAL(registration_id_seq) AS fresh_id
            FROM trainee t
            LEFT JOIN registration r ON r.lecture_id = :lecture AND r.trainee_id = t.id
            """;

    private final JdbcClient jdbc;

    EnrolmentSql(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The standing of the trainee whose account this is; empty when the account has no trainee profile. */
    public Optional<Standing> ofAccount(long accountId, long lectureId, LocalDateTime start, LocalDateTime end) {
        return standing("WHERE t.account_id = :key", accountId, lectureId, start, end);
    }

    public Optional<Standing> ofTrainee(long traineeId, long lectureId, LocalDateTime start, LocalDateTime end) {
        return standing("WHERE t.id = :key", traineeId, lectureId, start, end);
    }

    private Optional<Standing> standing(String where, long key, long lectureId, LocalDateTime start, LocalDateTime end) {
        return jdbc.sql(STANDING + where).param("key", key).param("lecture", lectureId).param("start", start)
                .param("end", end)
                .query((rs, row) -> {
                    long id = rs.getLong(3);
                    Long registrationId = rs.wasNull() ? null : id;
                    String status = rs.getString(4);
                    long other = rs.getLong(5);
                    Long overlapping = rs.wasNull() ? null : other;
                    return new Standing(rs.getLong(1), rs.getString(2), registrationId,
                            status == null ? null : RegistrationStatus.valueOf(status), overlapping, rs.getLong(6));
                }).optional();
    }

    /** A new row with the id drawn by {@link #ofAccount}; a second row for the same trainee and lecture fails on the unique key. */
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
