package cn.tzsw.college.audit.domain;

import cn.tzsw.college.audit.AuditEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit_event table; an append-only log, so plain inserts and reads without an entity. */
@Repository
public class AuditEventRepository {

    private final JdbcClient jdbc;

    AuditEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(LocalDateTime occurredAt, String actor, String action, String subjectType, String subjectId,
                       String detail) {
        jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, actor, action, subject_type, subject_id, detail)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(occurredAt, actor, action, subjectType, subjectId, detail)
                .update();
    }

    /** The trail of one subject, newest first. */
    public List<AuditEntry> bySubject(String subjectType, String subjectId) {
        return jdbc.sql("""
                        SELECT * FROM audit_event WHERE subject_type = ? AND subject_id = ?
                        ORDER BY occurred_at DESC, id DESC""")
                .params(subjectType, subjectId)
                .query(AuditEventRepository::entry)
                .list();
    }

    /** One page of the whole trail, newest first. */
    public List<AuditEntry> newestFirst(int limit, long offset) {
        return jdbc.sql("SELECT * FROM audit_event ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(limit, offset)
                .query(AuditEventRepository::entry)
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", LocalDateTime.class),
                rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"),
                rs.getString("subject_id"), rs.getString("detail"));
    }
}
