package cn.tzsw.college.certificates;

import cn.tzsw.college.audit.AuditTrail;
import cn.tzsw.college.certificates.CertificateRegistry.Completion;
import cn.tzsw.college.certificates.CertificateRegistry.Draft;
import cn.tzsw.college.certificates.domain.CertificateStore;
import cn.tzsw.college.hours.HoursEntry;
import cn.tzsw.college.hours.HoursEvents;
import cn.tzsw.college.hours.HoursLedger;
import cn.tzsw.college.hours.Progress;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.trainees.TraineeDetails;
import cn.tzsw.college.trainees.TraineeService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that changes a certificate's standing: issuing completions and hours records, revoking, reissuing.
 *
 * <p>The database keeps the record (everything printed, as of issue) and the PDF is rendered from it on demand
 * rather than stored: rendering takes a few milliseconds, while 10,000 stored PDFs would be ~1 GB of blobs that
 * go stale whenever the seal or layout changes; the record, not the file, is what verification trusts.
 */
@Service
@Transactional
public class CertificateIssuing {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private final CertificateRegistry registry;
    private final CertificateStore store;
    private final HoursLedger ledger;
    private final TraineeService trainees;
    private final AuditTrail audit;
    private final Clock clock;

    CertificateIssuing(CertificateRegistry registry, CertificateStore store, HoursLedger ledger,
                       TraineeService trainees, AuditTrail audit, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.ledger = ledger;
        this.trainees = trainees;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A trainee completed a lecture (the hours ledger booked it): their completion certificate, once. The event
     * carries all the certificate states, so this needs no signed-in user.
     */
    @ApplicationModuleListener
    void onLectureHoursBooked(HoursEvents.LectureHoursBooked event) {
        registry.issueCompletion(Completion.of(event));
    }

    /**
     * Completions recorded after the fact: their certificates in one transaction, their holders not told (see
     * {@link HoursEvents.PastLecturesRecorded}).
     */
    @ApplicationModuleListener
    void onPastLecturesRecorded(HoursEvents.PastLecturesRecorded event) {
        ledger.lectureEntries(event.entryIds()).forEach(entry -> registry.issueCompletion(Completion.past(entry)));
    }

    /** The completion certificate for a lecture the trainee completed: issued now, or the one issued before. */
    @PreAuthorize("hasRole('ADMIN')")
    public Certificate issueCompletion(long traineeId, long lectureId) {
        HoursEntry entry = ledger.entries(traineeId, EARLIEST, LATEST).stream()
                .filter(e -> e.lectureId() != null && e.lectureId() == lectureId).findFirst()
                .orElseThrow(() -> new BusinessRuleException("certificate.notCompleted"));
        return registry.issueCompletion(Completion.of(entry)).certificate();
    }

    /** The signed-in trainee's hours record for the current registration period (year null) or a calendar year. */
    @PreAuthorize("hasRole('TRAINEE')")
    public Certificate issueMyHoursRecord(Integer year) {
        TraineeDetails me = trainees.mine().orElseThrow(() -> new AccessDeniedException("no trainee profile"));
        return issueHoursRecord(me, year, year == null ? ledger.myProgress().orElseThrow() : null);
    }

    /** An hours record issued by an administrator for a trainee. */
    @PreAuthorize("hasRole('ADMIN')")
    public Certificate issueHoursRecord(long traineeId, Integer year) {
        TraineeDetails trainee = trainees.get(traineeId);
        return issueHoursRecord(trainee, year, year == null ? ledger.progressOf(traineeId) : null);
    }

    private Certificate issueHoursRecord(TraineeDetails trainee, Integer year, Progress progress) {
        LocalDate from;
        LocalDate to;
        String title;
        BigDecimal required;
        List<HoursEntry> entries;
        if (year == null) {
            if (progress.period() == null) {
                throw new BusinessRuleException("certificate.hoursRecord.noPeriod");
            }
            from = progress.period().start();
            to = progress.period().end();
            title = "注册有效期";
            required = progress.required();
            entries = progress.entries();
        } else {
            if (year < 2000 || year > LocalDate.now(clock).getYear()) {
                throw new BusinessRuleException("certificate.hoursRecord.year");
            }
            from = LocalDate.of(year, 1, 1);
            to = LocalDate.of(year, 12, 31);
            title = year + "年度";
            required = null;
            entries = ledger.entries(trainee.id(), from, to);
        }
        List<CertificateLine> lines = entries.stream()
                .map(e -> new CertificateLine(e.earnedOn(), e.title(), e.source(), e.hours())).toList();
        BigDecimal total = entries.stream().map(HoursEntry::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        // The same statement twice (a double click) is one record; new hours make a new one.
        String dedupKey = "H:%d:%s:%s:%s:%d".formatted(trainee.id(), from, to, total.toPlainString(), lines.size());
        return registry.issueOnce(dedupKey, () -> new Draft(CertificateKind.HOURS_RECORD, trainee, null, null, title,
                total, required, from, to, lines)).certificate();
    }

    /** Revokes a certificate; verification shows it revoked, with the date and the reason. */
    @PreAuthorize("hasRole('ADMIN')")
    public void revoke(long certificateId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw BusinessRuleException.onField("reason", "certificate.revoke.reasonRequired");
        }
        if (why.length() > 300) {
            throw BusinessRuleException.onField("reason", "certificate.revoke.reasonTooLong", 300);
        }
        String status = store.lockStatus(certificateId)
                .orElseThrow(() -> new BusinessRuleException("certificate.unknown"));
        if (!"ISSUED".equals(status)) {
            throw new BusinessRuleException("certificate.revoke.notValid");
        }
        Certificate certificate = store.find(certificateId).orElseThrow();
        // An hours record may be requested again after a revocation; a completion stays revoked until reissued.
        store.revoke(certificateId, why, LocalDateTime.now(clock), certificate.kind() == CertificateKind.HOURS_RECORD);
        audit.record("certificate.revoke", "certificate", certificateId, certificate.serial() + ": " + why);
    }

    /**
     * Issues a new certificate (new serial and code, the holder's current name) in place of an issued or revoked
     * one, which is then marked replaced.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Certificate reissue(long certificateId) {
        String status = store.lockStatus(certificateId)
                .orElseThrow(() -> new BusinessRuleException("certificate.unknown"));
        if ("REPLACED".equals(status)) {
            throw new BusinessRuleException("certificate.reissue.replaced");
        }
        Certificate old = store.find(certificateId).orElseThrow();
        TraineeDetails trainee = trainees.get(old.traineeId());
        String dedupKey = store.releaseDedupKey(certificateId);
        Certificate issued = registry.issue(dedupKey, new Draft(old.kind(), trainee, old.lectureId(), old.courseId(),
                old.title(), old.hours(), old.requiredHours(), old.coversFrom(), old.coversTo(), old.lines()));
        store.markReplaced(certificateId, issued.id());
        audit.record("certificate.reissue", "certificate", certificateId, old.serial() + " -> " + issued.serial());
        return issued;
    }
}
