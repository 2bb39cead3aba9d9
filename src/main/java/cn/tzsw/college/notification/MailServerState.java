package cn.tzsw.college.notification;

import java.time.LocalDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the dispatcher last saw of the mail server and of the outbox, for the outbox page and the outbox health
 * (which so never waits for the database). While the server is down the dispatcher only asks whether it answers
 * again; it then sends the waiting mails, oldest first.
 */
@Component
class MailServerState {

    private final String address;
    private volatile LocalDateTime downSince;
    private volatile String error;
    private volatile LocalDateTime lookedAt;
    private volatile LocalDateTime oldestWaitingSince;

    MailServerState(@Value("${spring.mail.host:}") String host, @Value("${spring.mail.port:25}") int port) {
        this.address = host.isBlank() ? null : host + ":" + port;
    }

    /** host:port, or null when no SMTP server is configured (mails then wait in the outbox). */
    String address() {
        return address;
    }

    boolean configured() {
        return address != null;
    }

    /** Since when the server has not answered; null while it answers. */
    LocalDateTime downSince() {
        return downSince;
    }

    /** The failure that made the dispatcher give the server up, while it is down. */
    String error() {
        return error;
    }

    /** Records that the server did not answer; true if it answered before (the outage starts now). */
    synchronized boolean down(LocalDateTime now, String failure) {
        error = failure;
        if (downSince != null) {
            return false;
        }
        downSince = now;
        return true;
    }

    synchronized void up() {
        downSince = null;
        error = null;
    }

    /** Records a look at the outbox: when, and since when its longest-waiting mail has been queued (or null). */
    void looked(LocalDateTime now, LocalDateTime oldestWaiting) {
        oldestWaitingSince = oldestWaiting;
        lookedAt = now;
    }

    /** When the dispatcher last looked at the outbox; null before its first round. */
    LocalDateTime lookedAt() {
        return lookedAt;
    }

    /** When the mail that had waited longest at the last look was queued; null when none waited. */
    LocalDateTime oldestWaitingSince() {
        return oldestWaitingSince;
    }
}
