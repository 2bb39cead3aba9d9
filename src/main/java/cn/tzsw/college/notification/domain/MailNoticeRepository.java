package cn.tzsw.college.notification.domain;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Registration notices waiting to become mails (mail_notice; plain SQL, no entity). Written with one plain insert
 * inside the registration's transaction (the registration path pays for nothing more); taken in batches by the
 * dispatcher.
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
     * Takes the oldest notices: removes and returns them in one statement, which walks the primary key from its start
     * and stops after {@code limit} rows. Under read committed (the caller's transaction) it locks only the rows it
     * takes, never a gap, so the registrations and promotions that insert notices meanwhile (a promotion while it
     * holds its lecture's row) do not wait for the batch. (Read first and then deleted by their ids, 200 notices out
     * of a few hundred made MariaDB scan the whole table, which under repeatable read locked every row and the gap
     * after the last until the batch's mails were written: each registration of a burst waited for it.) Another
     * dispatcher waits for the rows taken here, then takes the next ones.
     */
    public List<Notice> takeOldest(int limit) {
        return jdbc.sql("DELETE FROM mail_notice ORDER BY id LIMIT ?"
                        + " RETURNING id, kind, registration_id, trainee_id, lecture_id")
                .param(limit)
                .query((rs, row) -> new Notice(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }
}
