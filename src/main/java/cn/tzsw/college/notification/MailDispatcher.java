package cn.tzsw.college.notification;

import cn.tzsw.college.notification.domain.MailMessage;
import cn.tzsw.college.notification.domain.MailMessageRepository;
import cn.tzsw.college.notification.domain.OutboxBatch;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
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
    private static final int BATCH = 50;
    private static final int NOTICE_BATCH = 200;

    private final MailMessageRepository outbox;
    private final NotificationService notifications;
    private final OutboxBatch batch;
    private final ObjectProvider<JavaMailSender> sender;
    private final MailProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean smtpConfigured;
    private final Attachments attachments;

    MailDispatcher(MailMessageRepository outbox, OutboxBatch batch, NotificationService notifications,
                   ObjectProvider<JavaMailSender> sender, MailProperties properties, TransactionTemplate transactions,
                   Clock clock, @Value("${spring.mail.host:}") String smtpHost, Attachments attachments) {
        this.outbox = outbox;
        this.notifications = notifications;
        this.batch = batch;
        this.attachments = attachments;
        this.sender = sender;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.smtpConfigured = !smtpHost.isBlank();
    }

    @Scheduled(fixedDelayString = "${app.mail.poll-interval:5s}", initialDelayString = "${app.mail.poll-interval:5s}")
    void dispatch() {
        int written;
        do { // even without SMTP (the demo): the outbox page then lists them as waiting
            written = notifications.writeNoticeMails(NOTICE_BATCH);
        } while (written == NOTICE_BATCH);
        JavaMailSender mailSender = sender.getIfAvailable();
        if (!smtpConfigured || mailSender == null) {
            return;
        }
        Integer sent;
        do {
            sent = transactions.execute(status -> sendBatch(mailSender));
        } while (sent != null && sent == BATCH);
    }

    /**
     * Sends the due mails over one SMTP connection (a connection per mail cost the burst of a popular lecture
     * a handshake per trainee). The server's answer is per mail: those it refused are retried, the rest are sent.
     */
    private int sendBatch(JavaMailSender mailSender) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<MailMessage> due = outbox.lockDue(now, Limit.of(BATCH));
        Map<MimeMessage, MailMessage> ready = new LinkedHashMap<>();
        for (MailMessage mail : due) {
            try {
                ready.put(toMime(mailSender, mail), mail);
            } catch (MessagingException | RuntimeException e) { // a failing attachment is retried like an outage
                failed(mail, e, now);
            }
        }
        Map<Object, Exception> refused = Map.of();
        try {
            if (!ready.isEmpty()) {
                mailSender.send(ready.keySet().toArray(MimeMessage[]::new));
            }
        } catch (MailSendException e) {
            refused = e.getFailedMessages();
        } catch (MailException e) { // no connection or no login: nothing of the batch left
            refused = ready.keySet().stream().collect(Collectors.toMap(Function.identity(), message -> e));
        }
        List<Long> sent = new ArrayList<>();
        for (Map.Entry<MimeMessage, MailMessage> entry : ready.entrySet()) {
            Exception failure = refused.get(entry.getKey());
            if (failure == null) {
                sent.add(entry.getValue().getId());
            } else {
                failed(entry.getValue(), failure, now);
            }
        }
        batch.markSent(sent, now);
        return due.size();
    }

    private void failed(MailMessage mail, Exception e, LocalDateTime now) {
        log.warn("Mail to {} failed, will retry: {}", mail.getRecipient(), e.getMessage());
        mail.failed(e.getMessage(), now, properties.firstRetry(), properties.maxAttempts());
    }

    private MimeMessage toMime(JavaMailSender mailSender, MailMessage mail) throws MessagingException {
        MimeMessage message = mailSender.createMimeMessage();
        boolean attached = mail.getAttachmentRef() != null;
        MimeMessageHelper helper = new MimeMessageHelper(message, attached, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.getRecipient());
        helper.setSubject(mail.getSubject());
        helper.setText(mail.getBody());
        if (attached) {
            Attachments.Attachment file = attachments.resolve(mail.getAttachmentRef(), mail.getAttachmentName());
            if (file != null) {
                helper.addAttachment(file.name(), new ByteArrayResource(file.bytes()), file.contentType());
            }
        }
        return message;
    }
}
