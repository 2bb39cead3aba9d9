package cn.tzsw.college.notification.domain;

import cn.tzsw.college.notification.MailStatus;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;
import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

/**
 * The outbox's one repository: a mail at a time through JPA (written by a listener, sent and retried by the
 * dispatcher), batches through {@link MailMessageBatches}.
 */
public interface MailMessageRepository extends JpaRepository<MailMessage, Long>, MailMessageBatches {

    /** Due mails, locked so that two senders (two app instances) never send the same mail. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select m from MailMessage m where m.status = cn.tzsw.college.notification.MailStatus.PENDING"
            + " and m.nextAttemptAt <= :now order by m.id")
    List<MailMessage> lockDue(@Param("now") LocalDateTime now, Limit limit);

    Page<MailMessage> findByStatusIn(Collection<MailStatus> statuses, Pageable pageable);

    long countByStatus(MailStatus status);
}
