package cn.tzsw.college.notification.domain;

import cn.tzsw.college.notification.MailStatus;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The outbox's one repository: a mail at a time through JPA (written by a listener, sent and retried by the
 * dispatcher), batches through {@link MailMessageBatches}.
 */
public interface MailMessageRepository extends JpaRepository<MailMessage, Long>, MailMessageBatches {

    /**
     * Due mails, oldest first, locked so that two senders (two app instances) never send the same mail. The index is
     * named: after a burst, with sent mails before thousands waiting, MariaDB's cost model preferred the primary key
     * for the order and read (and locked) every mail ever sent for each batch.
     */
    @Query(nativeQuery = true, value = "SELECT * FROM mail_outbox FORCE INDEX (ix_outbox_due) WHERE status = 'PENDING'"
            + " AND next_attempt_at <= :now ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED")
    List<MailMessage> lockDue(@Param("now") LocalDateTime now, @Param("limit") int limit);

    Page<MailMessage> findByStatusIn(Collection<MailStatus> statuses, Pageable pageable);

    long countByStatus(MailStatus status);
}
