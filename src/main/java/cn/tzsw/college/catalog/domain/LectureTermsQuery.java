package cn.tzsw.college.catalog.domain;

import cn.tzsw.college.catalog.CourseStatus;
import cn.tzsw.college.catalog.LectureStatus;
import cn.tzsw.college.catalog.LectureTerms;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@link LectureTerms} with one plain SQL query (lecture, its course's state, the quota counties). */
@Repository
public class LectureTermsQuery {

    private final JdbcClient jdbc;

    LectureTermsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LectureTerms> find(long lectureId) {
        return jdbc.sql("""
                SELECT l.id, l.status, c.status AS course_status, c.organiser_code, l.starts_at, l.ends_at,
                       l.registration_opens, l.registration_closes, l.cancellation_deadline, l.region_restriction,
                       (SELECT GROUP_CONCAT(q.county_code) FROM lecture_quota q WHERE q.lecture_id = l.id) AS quota_counties
                FROM lecture l JOIN course c ON c.id = l.course_id
                WHERE l.id = ?
                """).param(lectureId).query((rs, row) -> {
                    String counties = rs.getString("quota_counties");
                    return new LectureTerms(rs.getLong("id"), LectureStatus.valueOf(rs.getString("status")),
                            CourseStatus.valueOf(rs.getString("course_status")), rs.getString("organiser_code"),
                            rs.getObject("starts_at", LocalDateTime.class), rs.getObject("ends_at", LocalDateTime.class),
                            rs.getObject("registration_opens", LocalDateTime.class),
                            rs.getObject("registration_closes", LocalDateTime.class),
                            rs.getObject("cancellation_deadline", LocalDateTime.class), rs.getString("region_restriction"),
                            counties == null ? Set.of() : Set.of(counties.split(",")));
                }).optional();
    }
}
