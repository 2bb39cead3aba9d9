package cn.tzsw.college.notification.domain;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The outbox written and settled a batch at a time: the notices of a popular lecture's burst become a thousand
 * mails, and one statement per mail (twice: written, then sent) was most of the database work they caused.
 */
@Repository
public class OutboxBatch {

    /** A mail to write; it waits in the outbox until the dispatcher sends it. */
    public record NewMail(String recipient, String subject, String body, String messageId) {
    }

    private static final String REQUEUE = "UPDATE mail_outbox SET status = 'PENDING', attempts = 0,"
            + " next_attempt_at = :now, queued_at = :now WHERE ";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    OutboxBatch(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    public void insert(List<NewMail> mails, LocalDateTime now) {
        jdbc.batchUpdate("INSERT INTO mail_outbox (recipient, subject, body, message_id, status, attempts,"
                        + " next_attempt_at, created_at, queued_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)",
                mails.stream().map(m -> new Object[] {m.recipient(), m.subject(), m.body(), m.messageId(), now, now, now})
                        .toList());
    }

    /** Marks the mails sent, each at the moment the server accepted it. */
    public void markSent(Map<Long, LocalDateTime> acceptedAt) {
        jdbc.batchUpdate("UPDATE mail_outbox SET status = 'SENT', attempts = attempts + 1, sent_at = ?,"
                        + " last_error = NULL WHERE id = ?",
                acceptedAt.entrySet().stream().map(e -> new Object[] {e.getValue(), e.getKey()}).toList());
    }

    /** The mail server answers again: every mail waiting for its next try is due now (and goes out oldest first). */
    public int releaseWaiting(LocalDateTime now) {
        return jdbc.update("UPDATE mail_outbox SET next_attempt_at = ? WHERE status = 'PENDING' AND next_attempt_at > ?",
                now, now);
    }

    /** Marks failed the mails queued before the cutoff and still not sent; returns how many. */
    public int giveUp(LocalDateTime queuedBefore, String reason) {
        return jdbc.update("UPDATE mail_outbox SET status = 'FAILED', last_error = COALESCE(last_error, ?)"
                + " WHERE status = 'PENDING' AND queued_at < ?", reason, queuedBefore);
    }

    /** Puts one mail not yet sent back in line, to be tried at once. */
    public int requeue(long mailId, LocalDateTime now) {
        return named.update(REQUEUE + "id = :id AND status <> 'SENT'", Map.of("now", now, "id", mailId));
    }

    /** Puts every failed mail back in line, to be tried at once; returns how many. */
    public int requeueFailed(LocalDateTime now) {
        return named.update(REQUEUE + "status = 'FAILED'", Map.of("now", now));
    }

    /** When the mail that has waited longest was queued; null when none waits. */
    public LocalDateTime oldestWaiting() {
        return jdbc.queryForObject("SELECT MIN(queued_at) FROM mail_outbox WHERE status = 'PENDING'",
                LocalDateTime.class);
    }
}
