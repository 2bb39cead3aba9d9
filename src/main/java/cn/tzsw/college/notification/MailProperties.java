package cn.tzsw.college.notification;

import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from          sender address
 * @param pollInterval  how often the outbox is looked at (and, while the mail server is down, whether it answers)
 * @param firstRetry    wait after a mail's first failure; doubles with each further failure, up to maxRetryDelay
 * @param maxRetryDelay the longest wait between two tries of a mail
 * @param giveUpAfter   a mail not sent this long after it was queued is marked failed (administrators can retry it)
 * @param delayedAfter  the outbox health reports DELAYED when a mail has waited longer than this
 * @param baseUrl       the address of the site, for links in mails
 */
@ConfigurationProperties("app.mail")
public record MailProperties(@DefaultValue("noreply@tzsw.example.cn") String from,
                             @DefaultValue("5s") Duration pollInterval,
                             @DefaultValue("1m") Duration firstRetry,
                             @DefaultValue("10m") Duration maxRetryDelay,
                             @DefaultValue("3d") Duration giveUpAfter,
                             @DefaultValue("30m") Duration delayedAfter,
                             @DefaultValue("http://localhost:8080") String baseUrl) {

    /** A new Message-ID in the sender's domain; stored with the mail, so every try of it carries the same one. */
    String newMessageId() {
        return "<" + UUID.randomUUID() + "@" + from.substring(from.lastIndexOf('@') + 1).replace(">", "") + ">";
    }
}
