package cn.tzsw.college.notification.domain;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The outbox written and settled a batch at a time, a fragment of {@link MailMessageRepository} in plain SQL: the
 * notices of a popular lecture's burst become a thousand mails, and one statement per mail (twice: written, then
 * sent) was most of the database work they caused.
 */
public interface MailMessageBatches {

    /** A mail to write; it waits in the outbox until the dispatcher sends it. */
    record NewMail(String recipient, String subject, String body, String messageId) {
    }

    void insert(List<NewMail> mails, LocalDateTime now);

    /** Marks the mails sent, each at the moment the server accepted it. */
    void markSent(Map<Long, LocalDateTime> acceptedAt);

    /** The mail server answers again: every mail waiting for its next try is due now (and goes out oldest first). */
    int releaseWaiting(LocalDateTime now);

    /**
     * Marks failed (up to a batch of) the mails queued before the cutoff and still not sent, skipping those another
     * dispatcher holds; returns how many. Call inside a transaction.
     */
    int giveUp(LocalDateTime queuedBefore, String reason);

    /** Puts one mail not yet sent back in line, to be tried at once. */
    int requeue(long mailId, LocalDateTime now);

    /** Puts every failed mail back in line, to be tried at once; returns how many. */
    int requeueFailed(LocalDateTime now);

    /** When the mail that has waited longest was queued; null when none waits. */
    LocalDateTime oldestWaiting();
}
