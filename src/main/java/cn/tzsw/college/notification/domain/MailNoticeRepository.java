package cn.tzsw.college.notification.domain;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Registration notices waiting to become mails (mail_notice; plain SQL, no entity). Written with one plain insert
 * inside the registration's transaction (the registration path pays for nothing more); read and removed in batches by the dispatcher.
 */
@Repository
public class MailNoticeRepository {

    /** A registration was recorded (the mail says registered or waitlisted, whichever holds when it is written). */
    public static final String RECORDED = "recorded";
    /** A waitlisted trainee got a seat. */
    public static final String PROMOTED = "promoted";

    public record Notice(long id, String kind, long registrationId, long traineeId, long lectureId) {
    }

    private final JdbcClient jdbc;

    MailNoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String kind, long registrationId, long traineeId, long lectureId, LocalDateTime now) {
        jdbc.sql("INSERT INTO mail_notice (kind, registration_id, trainee_id, lecture_id, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(kind, registrationId, traineeId, lectureId, now).update();
    }

    /**
     * The oldest notices, read without locks: a locking read here would hold the gap at the end of the table and
     * so block the registrations and promotions that insert notices while they hold their lecture's row.
     */
    public List<Notice> oldest(int limit) {
        return jdbc.sql("SELECT id, kind, registration_id, trainee_id, lecture_id FROM mail_notice ORDER BY id LIMIT ?")
                .param(limit)
                .query((rs, row) -> new Notice(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    /** Removes the notices and says how many were still there (fewer: another dispatcher took some). */
    public int take(Collection<Long> ids) {
        return ids.isEmpty() ? 0 : jdbc.sql("DELETE FROM mail_notice WHERE id IN (:ids)").param("ids", ids).update();
    }
}
