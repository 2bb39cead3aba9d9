package cn.tzsw.college.attendance.domain;

import cn.tzsw.college.attendance.ViewingSite;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Group viewing sites ({@code viewing_site}) of live lectures. */
@Repository
public class ViewingSiteRepository {

    /** What check-in and recording need of a site. */
    public record SiteRef(long id, long lectureId, String regionCode, String name) {
    }

    private final JdbcClient jdbc;

    ViewingSiteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new site's id. */
    public long insert(long lectureId, String regionCode, String name, String address, String by, LocalDateTime at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO viewing_site (lecture_id, region_code, name, address, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(lectureId, regionCode, name, address, by, at)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<SiteRef> find(long siteId) {
        return jdbc.sql("SELECT id, lecture_id, region_code, name FROM viewing_site WHERE id = ?").param(siteId)
                .query((rs, n) -> new SiteRef(rs.getLong("id"), rs.getLong("lecture_id"), rs.getString("region_code"),
                        rs.getString("name")))
                .optional();
    }

    /** A lecture's sites whose region code starts with the prefix, with how many were recorded at each. */
    public List<ViewingSite> ofLecture(long lectureId, String regionPrefix) {
        return jdbc.sql("""
                        SELECT s.*, (SELECT COUNT(*) FROM attendance_record a WHERE a.site_id = s.id) AS attendees
                        FROM viewing_site s WHERE s.lecture_id = ? AND s.region_code LIKE ? ORDER BY s.region_code, s.id""")
                .params(lectureId, regionPrefix + "%")
                .query((rs, n) -> new ViewingSite(rs.getLong("id"), rs.getLong("lecture_id"),
                        rs.getString("region_code"), rs.getString("name"), rs.getString("address"),
                        rs.getInt("attendees")))
                .list();
    }
}
