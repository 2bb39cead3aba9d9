package cn.tzsw.college.audit;

import java.time.LocalDateTime;

/** One line of the audit trail. */
public record AuditEntry(long id, LocalDateTime occurredAt, String actor, String action, String subjectType,
                         String subjectId, String detail) {
}
