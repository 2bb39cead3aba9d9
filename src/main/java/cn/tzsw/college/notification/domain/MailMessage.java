package cn.tzsw.college.notification.domain;

import cn.tzsw.college.notification.MailStatus;
import cn.tzsw.college.notification.OutboxMail;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.LocalDateTime;

@Entity
@Table(name = "mail_outbox")
public class MailMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String recipient;

    private String subject;

    private String body;

    @Enumerated(EnumType.STRING)
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.VARCHAR)
    private MailStatus status;

    private int attempts;

    @Column(name = "next_attempt_at")
    private LocalDateTime nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "sent_at")
    private LocalDateTime sentAt;

    /** When it was put in line (written, or sent again by an administrator): the give-up time counts from here. */
    @Column(name = "queued_at")
    private LocalDateTime queuedAt;

    /** The Message-ID header of every try, so that a receiver drops a copy sent twice. */
    @Column(name = "message_id")
    private String messageId;

    /** File name of the attachment, if any; its bytes are made when the mail is sent (see attachmentRef). */
    @Column(name = "attachment_name")
    private String attachmentName;

    /** What to attach, e.g. "certificate:42"; resolved by the dispatcher at sending time. */
    @Column(name = "attachment_ref")
    private String attachmentRef;

    protected MailMessage() {
    }

    public MailMessage(String recipient, String subject, String body, String messageId, LocalDateTime now) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.messageId = messageId;
        this.status = MailStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.queuedAt = now;
    }

    public MailMessage(String recipient, String subject, String body, String messageId, LocalDateTime now,
                       String attachmentName, String attachmentRef) {
        this(recipient, subject, body, messageId, now);
        this.attachmentName = attachmentName;
        this.attachmentRef = attachmentRef;
    }

    /**
     * Waits {@code firstRetry}, then twice as long after each further failure, but never longer than
     * {@code maxDelay}: a mail server back after a long outage is found within that time. The mail stays in line;
     * only its time in line gives up on it ({@link MailMessageBatches#giveUp}).
     */
    public void failed(String error, LocalDateTime now, Duration firstRetry, Duration maxDelay) {
        attempts++;
        lastError = error == null ? "" : error.substring(0, Math.min(error.length(), 500));
        Duration delay = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getAttachmentName() {
        return attachmentName;
    }

    public String getAttachmentRef() {
        return attachmentRef;
    }

    public String getMessageId() {
        return messageId;
    }

    public OutboxMail toOutboxMail() {
        return new OutboxMail(id, recipient, subject, status, attempts, createdAt, nextAttemptAt, sentAt, lastError);
    }
}
