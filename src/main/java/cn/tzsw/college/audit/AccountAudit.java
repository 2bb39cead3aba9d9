package cn.tzsw.college.audit;

import cn.tzsw.college.security.AttemptLockLifted;
import cn.tzsw.college.security.AttemptsLocked;
import cn.tzsw.college.security.PasswordChanged;
import cn.tzsw.college.security.PasswordResetByMail;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes password changes and resets, and every lock after too many attempts (sign-in, typed check-in codes,
 * sign-ups) and its lifting, to the audit trail, in the transaction that made them.
 */
@Component
class AccountAudit {

    private final AuditTrail trail;

    AccountAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(PasswordChanged event) {
        trail.record(event.reset() ? "RESET_PASSWORD" : "CHANGE_PASSWORD", "account", event.accountId(),
                event.username());
    }

    @EventListener
    void on(PasswordResetByMail event) {
        trail.record("RESET_PASSWORD_BY_MAIL", "account", event.accountId(), event.username());
    }

    @EventListener
    void on(AttemptsLocked event) {
        trail.record("LOCK", event.rule().key(), event.subject(),
                "until " + event.until() + (event.locks() > 1 ? ", lock " + event.locks() + " in a row" : ""));
    }

    @EventListener
    void on(AttemptLockLifted event) {
        trail.record("UNLOCK", event.rule().key(), event.subject(), null);
    }
}
