package cn.tzsw.college.audit;

import cn.tzsw.college.audit.domain.AuditEventRepository;
import cn.tzsw.college.security.AuthenticatedUser;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: who did what to which record, and when. Entries are written inside the caller's transaction,
 * so a change and its audit line commit or roll back together. Subjects are named by type and id, e.g.
 * ("trainee", "42") or ("attendance", "7:42").
 */
@Service
public class AuditTrail {

    private static final int MAX_DETAIL = 1000;

    private final AuditEventRepository events;
    private final AuthenticatedUser authenticatedUser;
    private final Clock clock;

    AuditTrail(AuditEventRepository events, AuthenticatedUser authenticatedUser, Clock clock) {
        this.events = events;
        this.authenticatedUser = authenticatedUser;
        this.clock = clock;
    }

    /** Records an action of the signed-in user (or "system"); {@code detail} says e.g. "ABSENT -> PRESENT: 迟到补签". */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String subjectType, Object subjectId, String detail) {
        events.insert(LocalDateTime.now(clock), authenticatedUser.actorName(), action, subjectType,
                String.valueOf(subjectId),
                detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL));
    }

    /** The trail of one subject, newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditEntry> of(String subjectType, Object subjectId) {
        return events.bySubject(subjectType, String.valueOf(subjectId));
    }

    /** The whole trail, newest first, one page at a time. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Page<AuditEntry> page(Pageable pageable) {
        return new PageImpl<>(events.newestFirst(pageable.getPageSize(), pageable.getOffset()), pageable,
                events.count());
    }
}
