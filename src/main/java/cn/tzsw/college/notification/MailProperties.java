package cn.tzsw.college.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from         sender address
 * @param pollInterval how often the outbox is looked at
 * @param maxAttempts  tries before a mail is marked failed (administrators can retry it)
 * @param firstRetry   wait after the first failure; doubles with each further failure
 * @param baseUrl      the address of the site, for links in mails
 */
@ConfigurationProperties("app.mail")
public record MailProperties(@DefaultValue("noreply@tzsw.example.cn") String from,
                             @DefaultValue("5s") Duration pollInterval,
                             @DefaultValue("8") int maxAttempts,
                             @DefaultValue("1m") Duration firstRetry,
                             @DefaultValue("http://localhost:8080") String baseUrl) {
}
