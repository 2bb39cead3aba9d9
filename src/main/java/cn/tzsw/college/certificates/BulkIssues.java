package cn.tzsw.college.certificates;

import cn.tzsw.college.audit.AuditTrail;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.certificates.domain.BulkJobStore;
import cn.tzsw.college.hours.HoursLedger;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk issue as administrators see it: queue a job for a lecture or a course, watch its progress. The
 * certificates themselves are issued by {@link BulkIssueWorker} in the background, chunk by chunk.
 */
@Service
@Transactional(readOnly = true)
public class BulkIssues {

    private final BulkJobStore jobs;
    private final CertificateRegistry registry;
    private final CatalogService catalog;
    private final HoursLedger ledger;
    private final AuditTrail audit;
    private final Clock clock;

    BulkIssues(BulkJobStore jobs, CertificateRegistry registry, CatalogService catalog, HoursLedger ledger,
               AuditTrail audit, Clock clock) {
        this.jobs = jobs;
        this.registry = registry;
        this.catalog = catalog;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** Queues a bulk issue for everyone who completed the lecture (or any lecture of the course). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long start(BulkScope scope, long subjectId) {
        String title;
        if (scope == BulkScope.LECTURE) {
            LectureInfo lecture = catalog.get(subjectId);
            title = lecture.courseTitle() + " " + lecture.startsAt().toLocalDate();
        } else {
            title = catalog.course(subjectId).title();
        }
        title = CertificateRegistry.clip(title, 200);
        int total = ledger.countCompletions(scope == BulkScope.COURSE, subjectId);
        long id = jobs.create(scope, subjectId, title, total, LocalDateTime.now(clock), registry.issuer());
        audit.record("certificate.bulk", "certificate_job", id, scope + " " + subjectId + " " + title);
        return id;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Optional<BulkJob> job(long jobId) {
        return jobs.find(jobId);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<BulkJob> recent(int limit) {
        return jobs.recent(Math.min(limit, 100));
    }
}
