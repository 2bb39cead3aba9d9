package cn.tzsw.college.portal.domain;

import cn.tzsw.college.portal.Notice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The notice table; only {@link cn.tzsw.college.portal.NoticeService} calls it. */
@Repository
public class NoticeRepository {

    private static final String COLUMNS = "id, title, body, published_on, updated_at, updated_by";

    private final JdbcClient jdbc;

    NoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String title, String body, LocalDateTime now, String by) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO notice (title, body, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)")
                .params(title, body, now, now, by).update(key, "id");
        return key.getKey().longValue();
    }

    public boolean update(long id, String title, String body, LocalDateTime now, String by) {
        return jdbc.sql("UPDATE notice SET title = ?, body = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(title, body, now, by, id).update() == 1;
    }

    public boolean publish(long id, LocalDate on, LocalDateTime now, String by) {
        return jdbc.sql("UPDATE notice SET published_on = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(on, now, by, id).update() == 1;
    }

    public Optional<Notice> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notice WHERE id = ?").param(id).query(NoticeRepository::notice)
                .optional();
    }

    /** Published notices dated today or earlier, newest first (a notice dated ahead appears on its day). */
    public List<Notice> published(LocalDate today, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notice WHERE published_on <= ? ORDER BY published_on DESC, id DESC LIMIT ?")
                .params(today, limit).query(NoticeRepository::notice).list();
    }

    /** Every notice, drafts first, then by date, newest first. */
    public List<Notice> all(int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notice ORDER BY published_on IS NOT NULL, published_on DESC, id DESC LIMIT ? OFFSET ?")
                .params(limit, offset).query(NoticeRepository::notice).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM notice").query(Long.class).single();
    }

    private static Notice notice(ResultSet rs, int row) throws SQLException {
        return new Notice(rs.getLong("id"), rs.getString("title"), rs.getString("body"),
                rs.getObject("published_on", LocalDate.class), rs.getObject("updated_at", LocalDateTime.class),
                rs.getString("updated_by"));
    }
}
