package cn.tzsw.college.certificates;

import cn.tzsw.college.certificates.domain.BulkJobStore;
import cn.tzsw.college.hours.HoursEntry;
import cn.tzsw.college.hours.HoursLedger;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through queued bulk issues in the background, chunk by chunk, without a signed-in user: it reads the
 * ledger's completions and issues through {@link CertificateRegistry}, neither of which checks a role, and the
 * records and audit lines name "system" as the issuer. Jobs live in the database, so a restart simply picks up the
 * unfinished one at its cursor.
 */
@Component
class BulkIssueWorker {

    private static final Logger log = LoggerFactory.getLogger(BulkIssueWorker.class);

    private final BulkJobStore jobs;
    private final HoursLedger ledger;
    private final CertificateRegistry registry;
    private final CertificateProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BulkIssueWorker(BulkJobStore jobs, HoursLedger ledger, CertificateRegistry registry,
                    CertificateProperties properties, TransactionTemplate transactions, Clock clock) {
        this.jobs = jobs;
        this.ledger = ledger;
        this.registry = registry;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${app.certificates.bulk-poll-interval:2s}",
            initialDelayString = "${app.certificates.bulk-poll-interval:2s}")
    void work() {
        boolean more = true;
        while (more) {
            try {
                more = workChunk();
            } catch (RuntimeException e) {
                // One bad chunk must not stop the worker for good: log it and try again on the next round.
                log.warn("Bulk certificate issue failed, will retry: {}", e.toString());
                more = false;
            }
        }
    }

    /**
     * Works one chunk of the oldest unfinished bulk job in one transaction: the certificates and the job's
     * cursor commit together, so after a crash the job resumes where its last chunk ended, and the dedup key
     * makes each certificate once even so. Returns false when there was nothing to do.
     */
    boolean workChunk() {
        return Boolean.TRUE.equals(transactions.execute(status -> chunk()));
    }

    private boolean chunk() {
        Optional<BulkJobStore.Claimed> claimed = jobs.claimNext();
        if (claimed.isEmpty()) {
            return false;
        }
        BulkJobStore.Claimed job = claimed.get();
        int chunk = Math.max(1, properties.bulkChunk());
        List<HoursEntry> completions = ledger.completions(job.scope() == BulkScope.COURSE, job.subjectId(),
                job.cursor(), chunk);
        int issued = 0;
        for (HoursEntry entry : completions) {
            if (registry.issueCompletion(CertificateRegistry.Completion.of(entry)).created()) {
                issued++;
            }
        }
        long cursor = completions.isEmpty() ? job.cursor() : completions.getLast().id();
        jobs.advance(job.id(), completions.size(), issued, cursor, completions.size() < chunk,
                LocalDateTime.now(clock));
        log.debug("Bulk job {}: {} more processed, {} issued, cursor {}", job.id(), completions.size(), issued, cursor);
        return true;
    }
}
