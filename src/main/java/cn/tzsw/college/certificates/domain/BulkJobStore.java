package cn.tzsw.college.certificates.domain;

import cn.tzsw.college.certificates.BulkJob;
import cn.tzsw.college.certificates.BulkScope;
import cn.tzsw.college.certificates.BulkState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Bulk-issue jobs: state, progress and the cursor (the last ledger entry handled) that a restart resumes from. */
@Repository
public class BulkJobStore {

    private final JdbcClient jdbc;

    BulkJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A job row while it is being worked on, locked. */
    public record Claimed(long id, BulkScope scope, long subjectId, long cursor, int total) {
    }

    public long create(BulkScope scope, long subjectId, String title, int total, LocalDateTime now, String by) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO certificate_job (scope, subject_id, subject_title, state, total, created_at, created_by)
                        VALUES (?, ?, ?, 'QUEUED', ?, ?, ?)""")
                .params(scope.name(), subjectId, title, total, now, by)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /**
     * The oldest unfinished job, locked for this transaction; a second worker (another instance) skips it
     * rather than waiting.
     */
    public Optional<Claimed> claimNext() {
        return jdbc.sql("""
                        SELECT id, scope, subject_id, cursor_entry_id, total FROM certificate_job
                        WHERE state IN ('QUEUED', 'RUNNING') ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .query((rs, n) -> new Claimed(rs.getLong("id"), BulkScope.valueOf(rs.getString("scope")),
                        rs.getLong("subject_id"), rs.getLong("cursor_entry_id"), rs.getInt("total")))
                .optional();
    }

    public void advance(long id, int processed, int issued, long cursor, boolean done, LocalDateTime now) {
        jdbc.sql("""
                        UPDATE certificate_job SET processed = processed + ?, issued = issued + ?, cursor_entry_id = ?,
                          total = GREATEST(total, processed), state = ?, finished_at = ?
                        WHERE id = ?""")
                .params(processed, issued, cursor, done ? "DONE" : "RUNNING", done ? now : null, id)
                .update();
    }

    public void fail(long id, String error, LocalDateTime now) {
        jdbc.sql("UPDATE certificate_job SET state = 'FAILED', error = ?, finished_at = ? WHERE id = ?")
                .params(error == null ? "" : error.substring(0, Math.min(500, error.length())), now, id).update();
    }

    /** How many jobs are in the state (for the operator's metrics). */
    public long count(BulkState state) {
        return jdbc.sql("SELECT COUNT(*) FROM certificate_job WHERE state = ?").param(state.name())
                .query(Long.class).single();
    }

    public Optional<BulkJob> find(long id) {
        return jdbc.sql("SELECT * FROM certificate_job WHERE id = ?").param(id).query(BulkJobStore::row).optional();
    }

    public List<BulkJob> recent(int limit) {
        return jdbc.sql("SELECT * FROM certificate_job ORDER BY id DESC LIMIT ?").param(limit)
                .query(BulkJobStore::row).list();
    }

    private static BulkJob row(ResultSet rs, int n) throws SQLException {
        return new BulkJob(rs.getLong("id"), BulkScope.valueOf(rs.getString("scope")), rs.getLong("subject_id"),
                rs.getString("subject_title"), BulkState.valueOf(rs.getString("state")), rs.getInt("total"),
                rs.getInt("processed"), rs.getInt("issued"), rs.getObject("created_at", LocalDateTime.class),
                rs.getString("created_by"), rs.getObject("finished_at", LocalDateTime.class), rs.getString("error"));
    }
}
