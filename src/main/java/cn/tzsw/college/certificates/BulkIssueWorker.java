package cn.tzsw.college.certificates;

import cn.tzsw.college.security.SystemTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works through queued bulk issues in the background, chunk by chunk, as the system. Jobs live in the database,
 * so a restart simply picks up the unfinished one at its cursor.
 */
@Component
class BulkIssueWorker {

    private static final Logger log = LoggerFactory.getLogger(BulkIssueWorker.class);

    private final CertificateService certificates;

    BulkIssueWorker(CertificateService certificates) {
        this.certificates = certificates;
    }

    @Scheduled(fixedDelayString = "${app.certificates.bulk-poll-interval:2s}",
            initialDelayString = "${app.certificates.bulk-poll-interval:2s}")
    void work() {
        SystemTasks.runAsSystem(() -> {
            boolean more = true;
            while (more) {
                try {
                    more = certificates.workBulkChunk();
                } catch (RuntimeException e) {
                    // One bad chunk must not stop the worker for good: log it and try again on the next round.
                    log.warn("Bulk certificate issue failed, will retry: {}", e.toString());
                    more = false;
                }
            }
            return null;
        });
    }
}
