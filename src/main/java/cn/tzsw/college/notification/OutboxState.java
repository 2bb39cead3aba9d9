package cn.tzsw.college.notification;

import java.time.LocalDateTime;

/**
 * The outbox as a whole, for administrators.
 *
 * @param mailServer         host:port of the SMTP server; null when none is configured (mails then wait)
 * @param mailServerDownSince since when the server has not answered; null while it answers
 * @param mailServerError    why it was last found down
 * @param oldestWaitingSince when the mail that has waited longest was queued; null when none waits
 */
public record OutboxState(String mailServer, LocalDateTime mailServerDownSince, String mailServerError,
                          long pending, long failed, LocalDateTime oldestWaitingSince) {
}
