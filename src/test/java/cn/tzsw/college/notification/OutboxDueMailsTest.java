package cn.tzsw.college.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.notification.domain.MailMessage;
import cn.tzsw.college.notification.domain.MailMessageRepository;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatcher's batch of due mails costs the batch, not the outbox: after a burst the outbox holds thousands of
 * sent mails and thousands waiting, and every batch of 50 used to read (and lock) the mails before it.
 */
class OutboxDueMailsTest extends IntegrationTest {

    private static final String INSERT = "INSERT INTO mail_outbox (recipient, subject, body, message_id, status,"
            + " attempts, next_attempt_at, created_at, queued_at) VALUES ('a@example.org', 's', 'b', ?, ?, 0, ?, ?, ?)";

    @Autowired
    MailMessageRepository outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void a_batch_of_due_mails_reads_the_batch_not_the_mails_sent_or_waiting_before_it() {
        LocalDateTime now = LocalDateTime.now();
        // Due only for this test's later "now": the running dispatcher leaves them alone.
        LocalDateTime dueLater = now.plusYears(5);
        String run = UUID.randomUUID().toString();
        insert(run, 400, "SENT", now, now);
        insert(run, 400, "PENDING", dueLater, now);
        try {
            long rowsRead = transactions.execute(status -> {
                long before = handlerReads();
                List<MailMessage> due = outbox.lockDue(dueLater.plusDays(1), 50);
                assertThat(due).hasSize(50);
                return handlerReads() - before;
            });

            assertThat(rowsRead).as("index reads for a batch of 50").isLessThan(120);
        } finally {
            jdbc.update("DELETE FROM mail_outbox WHERE message_id LIKE ?", run + "%");
        }
    }

    private void insert(String run, int count, String status, LocalDateTime due, LocalDateTime now) {
        jdbc.batchUpdate(INSERT, IntStream.range(0, count)
                .mapToObj(i -> new Object[] {run + "-" + status + "-" + i, status, due, now, now}).toList());
    }

    /** Rows this connection's statements read from indexes and tables so far. */
    private long handlerReads() {
        return jdbc.query("SHOW SESSION STATUS WHERE Variable_name IN ('Handler_read_first', 'Handler_read_key',"
                + " 'Handler_read_next', 'Handler_read_prev', 'Handler_read_rnd', 'Handler_read_rnd_next')",
                (rs, n) -> rs.getLong(2)).stream().mapToLong(Long::longValue).sum();
    }
}
