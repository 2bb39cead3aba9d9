package cn.tzsw.college.notification;

import cn.tzsw.college.notification.domain.MailMessage;
import cn.tzsw.college.notification.domain.MailMessageRepository;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due mails from the outbox. An SMTP outage only delays them: each failure is recorded and retried
 * later, and nothing leaves the outbox unsent before app.mail.give-up-after. While the server is down, each round
 * only asks whether it answers again; when it does, every waiting mail is due and they go out oldest first.
 * Without an SMTP host (the demo) mails simply wait. The SMTP timeouts (spring.mail.properties.mail.smtp.*) bound
 * how long a server that does not answer can hold this job; it runs on its own thread of the scheduler's pool.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int BATCH = 50;
    private static final int NOTICE_BATCH = 200;

    private final MailMessageRepository outbox;
    private final NotificationService notifications;
    private final ObjectProvider<JavaMailSenderImpl> sender;
    private final MailProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MailServerState server;
    private final Attachments attachments;

    MailDispatcher(MailMessageRepository outbox, NotificationService notifications,
                   ObjectProvider<JavaMailSenderImpl> sender, MailProperties properties,
                   TransactionTemplate transactions, Clock clock, MailServerState server, Attachments attachments) {
        this.outbox = outbox;
        this.notifications = notifications;
        this.attachments = attachments;
        this.sender = sender;
        this.properties = properties;
        // Read committed: the due-mail scan locks only the rows it takes, no gaps between them, so mails that
        // listeners insert meanwhile (new rows at the end of the scanned index range) never wait for it or deadlock.
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
        this.server = server;
    }

    @Scheduled(fixedDelayString = "${app.mail.poll-interval:5s}", initialDelayString = "${app.mail.poll-interval:5s}")
    void dispatch() {
        int written;
        do { // even without SMTP (the demo): the outbox page then lists them as waiting
            written = notifications.writeNoticeMails(NOTICE_BATCH);
        } while (written == NOTICE_BATCH);
        server.looked(LocalDateTime.now(clock), outbox.oldestWaiting());
        JavaMailSenderImpl mailSender = sender.getIfAvailable();
        if (!server.configured() || mailSender == null) {
            return;
        }
        giveUp();
        if (server.downSince() != null && !answersAgain(mailSender)) {
            return;
        }
        Integer sent;
        do {
            sent = transactions.execute(status -> sendBatch(mailSender));
        } while (sent != null && sent == BATCH);
    }

    private void giveUp() {
        Duration limit = properties.giveUpAfter();
        Integer expired = transactions.execute(status -> outbox.giveUp(LocalDateTime.now(clock).minus(limit),
                "not sent within " + limit));
        if (expired != null && expired > 0) {
            log.warn("{} mails could not be sent within {} and are marked failed; administrators can send them again",
                    expired, limit);
        }
    }

    /** Whether the server that was down answers now; if so, the mails waiting for their next try are due. */
    private boolean answersAgain(JavaMailSenderImpl mailSender) {
        try {
            close(connect(mailSender));
        } catch (MessagingException e) {
            server.down(LocalDateTime.now(clock), describe(e));
            return false;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        int waiting = outbox.releaseWaiting(now);
        log.info("The mail server {} answers again after {}; {} waiting mails go out now, oldest first",
                server.address(), Duration.between(server.downSince(), now), waiting);
        server.up();
        return true;
    }

    /**
     * Sends the due mails, oldest first, over one SMTP connection (a connection per mail cost the burst of a
     * popular lecture a handshake per trainee). A mail the server refuses is retried later; a connection that
     * fails or breaks leaves the rest of the batch for when the server answers again.
     */
    private int sendBatch(JavaMailSenderImpl mailSender) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<MailMessage> due = outbox.lockDue(now, BATCH);
        if (due.isEmpty()) {
            return 0;
        }
        Map<Long, LocalDateTime> accepted = new LinkedHashMap<>();
        Deque<MailMessage> waiting = new ArrayDeque<>(due);
        Transport transport = null;
        try {
            transport = connect(mailSender);
            while (!waiting.isEmpty()) {
                send(transport, mailSender, waiting.peek(), accepted, now);
                waiting.pop();
            }
        } catch (MessagingException e) { // no connection, a timeout, or the server hung up
            waiting.forEach(mail -> retryLater(mail, e, now));
            if (server.down(now, describe(e))) {
                log.warn("The mail server {} does not answer ({}); mails wait and go out, oldest first, when it does",
                        server.address(), describe(e));
            }
        } finally {
            close(transport);
        }
        outbox.markSent(accepted);
        return due.size();
    }

    /** Sends one mail and notes when the server accepted it; a mail refused or not buildable is retried later. */
    private void send(Transport transport, JavaMailSenderImpl mailSender, MailMessage mail,
                      Map<Long, LocalDateTime> accepted, LocalDateTime now) throws MessagingException {
        MimeMessage message;
        try {
            message = toMime(mailSender, mail);
        } catch (MessagingException | RuntimeException e) { // e.g. a failing attachment: retried like an outage
            failed(mail, e, now);
            return;
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
            accepted.put(mail.getId(), LocalDateTime.now(clock));
        } catch (SendFailedException e) {
            if (!transport.isConnected()) {
                throw e; // refused with the connection closed (e.g. 421): the server is going away
            }
            failed(mail, e, now);
        }
    }

    private void failed(MailMessage mail, Exception e, LocalDateTime now) {
        log.warn("Mail to {} failed, will retry: {}", mail.getRecipient(), describe(e));
        retryLater(mail, e, now);
    }

    private void retryLater(MailMessage mail, Exception e, LocalDateTime now) {
        mail.failed(describe(e), now, properties.firstRetry(), properties.maxRetryDelay());
    }

    /** The failure with its cause, e.g. "Exception reading response: Read timed out", for the outbox page. */
    private static String describe(Exception e) {
        Throwable cause = e.getCause();
        return cause == null || cause.getMessage() == null ? e.getMessage() : e.getMessage() + ": " + cause.getMessage();
    }

    private static Transport connect(JavaMailSenderImpl mailSender) throws MessagingException {
        Transport transport = mailSender.getSession().getTransport(
                mailSender.getProtocol() == null ? "smtp" : mailSender.getProtocol());
        String username = mailSender.getUsername() == null || mailSender.getUsername().isEmpty()
                ? null : mailSender.getUsername();
        transport.connect(mailSender.getHost(), mailSender.getPort(), username,
                username == null ? null : mailSender.getPassword());
        return transport;
    }

    private static void close(Transport transport) {
        try {
            if (transport != null) {
                transport.close();
            }
        } catch (MessagingException e) {
            log.debug("Closing the SMTP connection failed", e);
        }
    }

    private MimeMessage toMime(JavaMailSenderImpl mailSender, MailMessage mail) throws MessagingException {
        MimeMessage message = new OutboxMessage(mailSender.getSession(), mail.getMessageId());
        boolean attached = mail.getAttachmentRef() != null;
        MimeMessageHelper helper = new MimeMessageHelper(message, attached, "UTF-8") {
            // The sender's map, read once: by default the helper loads the MIME type files from the class path for
            // every mail (more than a quarter of the JVM's time in the registration burst's profile).
            @Override
            protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
                return mailSender.getDefaultFileTypeMap();
            }
        };
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
        message.saveChanges();
        return message;
    }

    /** Carries the outbox's Message-ID: saving a message would otherwise give every try a new one. */
    private static final class OutboxMessage extends MimeMessage {

        private final String messageId;

        OutboxMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
