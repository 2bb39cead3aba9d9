package cn.tzsw.college.notification;

import cn.tzsw.college.notification.domain.MailMessage;
import cn.tzsw.college.notification.domain.MailMessageRepository;
import cn.tzsw.college.security.PasswordResetRequested;
import cn.tzsw.college.shared.ChineseDates;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the password-reset mail to the outbox inside the request's transaction (a plain listener): the link's token
 * is never stored in Spring Modulith's event registry, and a request whose token row rolls back sends no mail. The
 * link uses the configured site address (app.mail.base-url), never the Host header of the request, which a visitor
 * could forge to have a victim's link point elsewhere.
 */
@Component
class PasswordResetMails {

    private final MailMessageRepository outbox;
    private final MessageSource messages;
    private final MailProperties properties;
    private final Clock clock;

    PasswordResetMails(MailMessageRepository outbox, MessageSource messages, MailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void on(PasswordResetRequested event) {
        Locale locale = "en".equals(event.locale().getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        Object[] args = {event.name(), properties.baseUrl() + "/reset-password/" + event.token(),
                ChineseDates.format(event.expiresAt(), locale)};
        outbox.save(new MailMessage(event.email(), messages.getMessage("mail.passwordReset.subject", args, locale),
                messages.getMessage("mail.passwordReset.body", args, locale), properties.newMessageId(),
                LocalDateTime.now(clock)));
    }
}
