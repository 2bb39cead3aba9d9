package cn.tzsw.college.notification.domain;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

class MailMessageBatchesImpl implements MailMessageBatches {

    private static final String REQUEUE = "UPDATE mail_outbox SET status = 'PENDING', attempts = 0,"
            + " next_attempt_at = :now, queued_at = :now WHERE ";

    private static final int GIVE_UP_BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    MailMessageBatchesImpl(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    @Override
    public void insert(List<NewMail> mails, LocalDateTime now) {
        jdbc.batchUpdate("INSERT INTO mail_outbox (recipient, subject, body, message_id, status, attempts,"
                        + " next_attempt_at, created_at, queued_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)",
                mails.stream().map(m -> new Object[] {m.recipient(), m.subject(), m.body(), m.messageId(), now, now, now})
                        .toList());
    }

    /**
     * One statement for the whole batch: the driver sends a batch of UPDATEs as one statement per row, and those
     * were a statement per registration in the burst.
     */
    @Override
    public void markSent(Map<Long, LocalDateTime> acceptedAt) {
        if (acceptedAt.isEmpty()) {
            return;
        }
        StringBuilder sentAt = new StringBuilder();
        List<Object> params = new ArrayList<>();
        acceptedAt.forEach((id, at) -> {
            sentAt.append(" WHEN ? THEN ?");
            params.add(id);
            params.add(at);
        });
        params.addAll(acceptedAt.keySet());
        jdbc.update("UPDATE mail_outbox SET status = 'SENT', attempts = attempts + 1, sent_at = CASE id" + sentAt
                + " END, last_error = NULL WHERE id IN (" + String.join(",", Collections.nCopies(acceptedAt.size(), "?"))
                + ")", params.toArray());
    }

    @Override
    public int releaseWaiting(LocalDateTime now) {
        return jdbc.update("UPDATE mail_outbox SET next_attempt_at = ? WHERE status = 'PENDING' AND next_attempt_at > ?",
                now, now);
    }

    /**
     * Takes the mails it gives up with SKIP LOCKED, as sending does: a mail another dispatcher is sending is left
     * to it (an UPDATE over the range waited for those rows and deadlocked with the other node's send).
     */
    @Override
    public int giveUp(LocalDateTime queuedBefore, String reason) {
        List<Long> expired = jdbc.queryForList("SELECT id FROM mail_outbox WHERE status = 'PENDING' AND queued_at < ?"
                + " ORDER BY id LIMIT " + GIVE_UP_BATCH + " FOR UPDATE SKIP LOCKED", Long.class, queuedBefore);
        return expired.isEmpty() ? 0 : named.update("UPDATE mail_outbox SET status = 'FAILED',"
                + " last_error = COALESCE(last_error, :reason) WHERE id IN (:ids)", Map.of("reason", reason, "ids", expired));
    }

    @Override
    public int requeue(long mailId, LocalDateTime now) {
        return named.update(REQUEUE + "id = :id AND status <> 'SENT'", Map.of("now", now, "id", mailId));
    }

    @Override
    public int requeueFailed(LocalDateTime now) {
        return named.update(REQUEUE + "status = 'FAILED'", Map.of("now", now));
    }

    @Override
    public LocalDateTime oldestWaiting() {
        return jdbc.queryForObject("SELECT MIN(queued_at) FROM mail_outbox WHERE status = 'PENDING'",
                LocalDateTime.class);
    }
}
