package cn.tzsw.college.portal;

import cn.tzsw.college.audit.AuditTrail;
import cn.tzsw.college.portal.domain.NoticeRepository;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.BusinessRuleException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The college's notices (通知公告): administrators write them, publish them with a date and take them back; everyone
 * reads the published ones on the portal. Every change goes to the audit trail.
 */
@Service
@Transactional
public class NoticeService {

    static final int MAX_TITLE = 120;
    static final int MAX_BODY = 5000;

    private final NoticeRepository store;
    private final AuditTrail audit;
    private final AuthenticatedUser authenticatedUser;
    private final Clock clock;

    NoticeService(NoticeRepository store, AuditTrail audit, AuthenticatedUser authenticatedUser, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.authenticatedUser = authenticatedUser;
        this.clock = clock;
    }

    /** The newest published notices, for the portal; open to everyone. */
    @Transactional(readOnly = true)
    public List<Notice> latest(int limit) {
        return store.published(LocalDate.now(clock), Math.clamp(limit, 1, 50));
    }

    /** A notice as its page shows it: published ones for everyone, drafts for administrators only. */
    @Transactional(readOnly = true)
    public Optional<Notice> find(long id) {
        boolean admin = authenticatedUser.current().map(u -> u.is(Role.ADMIN)).orElse(false);
        LocalDate today = LocalDate.now(clock);
        return store.find(id).filter(n -> admin || n.published() && !n.publishedOn().isAfter(today));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Page<Notice> all(Pageable pageable) {
        return new PageImpl<>(store.all(pageable.getPageSize(), pageable.getOffset()), pageable, store.count());
    }

    /** A new draft; returns its id. */
    @PreAuthorize("hasRole('ADMIN')")
    public long create(String title, String body) {
        String cleanTitle = checkedTitle(title);
        String cleanBody = checkedBody(body);
        long id = store.insert(cleanTitle, cleanBody, now(), authenticatedUser.actorName());
        audit.record("CREATE", "notice", id, cleanTitle);
        return id;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void update(long id, String title, String body) {
        String cleanTitle = checkedTitle(title);
        if (!store.update(id, cleanTitle, checkedBody(body), now(), authenticatedUser.actorName())) {
            throw new BusinessRuleException("notice.unknown");
        }
        audit.record("UPDATE", "notice", id, cleanTitle);
    }

    /** Publishes the notice dated {@code on} (the date it shows; a later date keeps it off the portal until then). */
    @PreAuthorize("hasRole('ADMIN')")
    public void publish(long id, LocalDate on) {
        if (on == null) {
            throw BusinessRuleException.onField("publishedOn", "notice.date.required");
        }
        if (!store.publish(id, on, now(), authenticatedUser.actorName())) {
            throw new BusinessRuleException("notice.unknown");
        }
        audit.record("PUBLISH", "notice", id, on.toString());
    }

    /** Takes the notice off the portal; it stays as a draft. */
    @PreAuthorize("hasRole('ADMIN')")
    public void unpublish(long id) {
        if (!store.publish(id, null, now(), authenticatedUser.actorName())) {
            throw new BusinessRuleException("notice.unknown");
        }
        audit.record("UNPUBLISH", "notice", id, null);
    }

    private static String checkedTitle(String title) {
        String clean = title == null ? "" : title.strip();
        if (clean.isEmpty()) {
            throw BusinessRuleException.onField("title", "notice.title.required");
        }
        if (clean.length() > MAX_TITLE) {
            throw BusinessRuleException.onField("title", "notice.title.tooLong", MAX_TITLE);
        }
        return clean;
    }

    private static String checkedBody(String body) {
        String clean = body == null ? "" : body.strip();
        if (clean.isEmpty()) {
            throw BusinessRuleException.onField("body", "notice.body.required");
        }
        if (clean.length() > MAX_BODY) {
            throw BusinessRuleException.onField("body", "notice.body.tooLong", MAX_BODY);
        }
        return clean;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
