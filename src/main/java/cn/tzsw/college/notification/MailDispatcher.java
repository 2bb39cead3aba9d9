package cn.tzsw.college.notification;

import cn.tzsw.college.notification.domain.MailMessage;
import cn.tzsw.college.notification.domain.MailMessageRepository;
import java.time.Clock;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.core.io.ByteArrayResource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due mails from the outbox. An SMTP outage only delays them: each failure is recorded and retried
 * later, and nothing leaves the outbox unsent. Without an SMTP host (the demo) mails simply wait.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int BATCH = 20;

    private final MailMessageRepository outbox;
    private final ObjectProvider<JavaMailSender> sender;
    private final MailProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean smtpConfigured;
    private final Attachments attachments;

    MailDispatcher(MailMessageRepository outbox, ObjectProvider<JavaMailSender> sender, MailProperties properties,
                   TransactionTemplate transactions, Clock clock, @Value("${spring.mail.host:}") String smtpHost,
                   Attachments attachments) {
        this.outbox = outbox;
        this.attachments = attachments;
        this.sender = sender;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.smtpConfigured = !smtpHost.isBlank();
    }

    @Scheduled(fixedDelayString = "${app.mail.poll-interval:5s}", initialDelayString = "${app.mail.poll-interval:5s}")
    void dispatch() {
        JavaMailSender mailSender = sender.getIfAvailable();
        if (!smtpConfigured || mailSender == null) {
            return;
        }
        Integer sent;
        do {
            sent = transactions.execute(status -> sendBatch(mailSender));
        } while (sent != null && sent == BATCH);
    }

    private int sendBatch(JavaMailSender mailSender) {
        LocalDateTime now = LocalDateTime.now(clock);
        var due = outbox.lockDue(now, Limit.of(BATCH));
        for (MailMessage mail : due) {
            try {
                if (mail.getAttachmentRef() == null) {
                    SimpleMailMessage message = new SimpleMailMessage();
                    message.setFrom(properties.from());
                    message.setTo(mail.getRecipient());
                    message.setSubject(mail.getSubject());
                    message.setText(mail.getBody());
                    mailSender.send(message);
                } else {
                    mailSender.send(withAttachment(mailSender, mail));
                }
                mail.sent(now);
            } catch (MessagingException | RuntimeException e) { // a failing attachment is retried like an outage
                log.warn("Mail to {} failed, will retry: {}", mail.getRecipient(), e.getMessage());
                mail.failed(e.getMessage(), now, properties.firstRetry(), properties.maxAttempts());
            }
        }
        return due.size();
    }

    private MimeMessage withAttachment(JavaMailSender mailSender, MailMessage mail) throws MessagingException {
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.getRecipient());
        helper.setSubject(mail.getSubject());
        helper.setText(mail.getBody());
        Attachments.Attachment file = attachments.resolve(mail.getAttachmentRef(), mail.getAttachmentName());
        if (file != null) {
            helper.addAttachment(file.name(), new ByteArrayResource(file.bytes()), file.contentType());
        }
        return message;
    }
}
