package cn.tzsw.college.audit;

import cn.tzsw.college.security.AuthenticatedUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: who did what to which record, and when. Entries are written inside the caller's transaction,
 * so a change and its audit line commit or roll back together. Subjects are named by type and id, e.g.
 * ("trainee", "42") or ("attendance", "7:42").
 */
@Service
public class AuditTrail {

    private static final int MAX_DETAIL = 1000;

    private final JdbcClient jdbc;
    private final AuthenticatedUser authenticatedUser;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, AuthenticatedUser authenticatedUser, Clock clock) {
        this.jdbc = jdbc;
        this.authenticatedUser = authenticatedUser;
        this.clock = clock;
    }

    /** Records an action of the signed-in user (or "system"); {@code detail} says e.g. "ABSENT -> PRESENT: 迟到补签". */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String subjectType, Object subjectId, String detail) {
        String actor = authenticatedUser.actorName();
        jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, actor, action, subject_type, subject_id, detail)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(LocalDateTime.now(clock), actor, action, subjectType, String.valueOf(subjectId),
                        detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL))
                .update();
    }

    /** The trail of one subject, newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditEntry> of(String subjectType, Object subjectId) {
        return jdbc.sql("""
                        SELECT * FROM audit_event WHERE subject_type = ? AND subject_id = ?
                        ORDER BY occurred_at DESC, id DESC""")
                .params(subjectType, String.valueOf(subjectId))
                .query(AuditTrail::entry)
                .list();
    }

    /** The whole trail, newest first, one page at a time. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Page<AuditEntry> page(Pageable pageable) {
        List<AuditEntry> rows = jdbc.sql("SELECT * FROM audit_event ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(pageable.getPageSize(), pageable.getOffset())
                .query(AuditTrail::entry)
                .list();
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
        return new PageImpl<>(rows, pageable, total);
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", LocalDateTime.class),
                rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"),
                rs.getString("subject_id"), rs.getString("detail"));
    }
}
