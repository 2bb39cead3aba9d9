package cn.tzsw.college.audit;

import cn.tzsw.college.security.PasswordChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes password changes and resets to the audit trail, in the transaction that made them. */
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
}
