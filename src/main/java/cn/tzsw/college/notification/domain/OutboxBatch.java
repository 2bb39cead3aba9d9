package cn.tzsw.college.notification.domain;

import java.time.LocalDateTime;
import java.util.Collection;
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
    public record NewMail(String recipient, String subject, String body) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    OutboxBatch(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    public void insert(List<NewMail> mails, LocalDateTime now) {
        jdbc.batchUpdate("INSERT INTO mail_outbox (recipient, subject, body, status, attempts, next_attempt_at,"
                        + " created_at) VALUES (?, ?, ?, 'PENDING', 0, ?, ?)",
                mails.stream().map(m -> new Object[] {m.recipient(), m.subject(), m.body(), now, now}).toList());
    }

    public void markSent(Collection<Long> mailIds, LocalDateTime now) {
        if (!mailIds.isEmpty()) {
            named.update("UPDATE mail_outbox SET status = 'SENT', attempts = attempts + 1, sent_at = :now,"
                    + " last_error = NULL WHERE id IN (:ids)", Map.of("now", now, "ids", mailIds));
        }
    }
}
