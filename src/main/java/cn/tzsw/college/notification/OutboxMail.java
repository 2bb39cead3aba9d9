package cn.tzsw.college.notification;

import java.time.LocalDateTime;

/** A mail in the outbox, as administrators see it. */
public record OutboxMail(long id, String recipient, String subject, MailStatus status, int attempts,
                         LocalDateTime createdAt, LocalDateTime nextAttemptAt, LocalDateTime sentAt, String lastError) {
}
