package cn.tzsw.college.certificates;

import cn.tzsw.college.certificates.domain.BulkJobStore;
import cn.tzsw.college.shared.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Certificates for the operator's scraper: {@code college_certificates_issued_total} by kind (counted once the
 * issue commits) and {@code college_certificate_jobs} (bulk-issue jobs queued or running, read at each scrape).
 */
@Component
class CertificateMetrics {

    private final Map<CertificateKind, Counter> issued = new EnumMap<>(CertificateKind.class);

    CertificateMetrics(MeterRegistry registry, BulkJobStore jobs) {
        for (CertificateKind kind : CertificateKind.values()) {
            issued.put(kind, Counter.builder("college.certificates.issued").tag("kind", kind.name())
                    .description("certificates issued since start").register(registry));
        }
        for (BulkState state : new BulkState[] {BulkState.QUEUED, BulkState.RUNNING}) {
            Gauge.builder("college.certificate.jobs", jobs, store -> store.count(state)).tag("state", state.name())
                    .description("bulk-issue jobs in this state").register(registry);
        }
    }

    @EventListener
    void onIssued(CertificateEvents.Issued event) {
        AfterCommit.run(issued.get(event.kind())::increment);
    }
}
