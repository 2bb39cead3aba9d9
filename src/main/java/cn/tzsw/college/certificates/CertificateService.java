package cn.tzsw.college.certificates;

import cn.tzsw.college.audit.AuditTrail;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.CourseAdminService;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.certificates.domain.BulkJobStore;
import cn.tzsw.college.certificates.domain.CertificateStore;
import cn.tzsw.college.certificates.domain.CertificateStore.NewCertificate;
import cn.tzsw.college.hours.HoursEntry;
import cn.tzsw.college.hours.HoursEvents;
import cn.tzsw.college.hours.HoursLedger;
import cn.tzsw.college.hours.Progress;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.CurrentUser;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.security.SystemTasks;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.trainees.TraineeDetails;
import cn.tzsw.college.trainees.TraineeService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issuing, revoking, reissuing and verifying certificates.
 *
 * <p>The database keeps the record (everything printed, as of issue) and the PDF is rendered from it on demand
 * rather than stored: rendering takes a few milliseconds, while 10,000 stored PDFs would be ~1 GB of blobs that
 * go stale whenever the seal or layout changes; the record, not the file, is what verification trusts.
 */
@Service
@Transactional(readOnly = true)
public class CertificateService {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private final CertificateStore store;
    private final BulkJobStore jobs;
    private final CertificateRenderer renderer;
    private final CertificateProperties properties;
    private final HoursLedger ledger;
    private final TraineeService trainees;
    private final CatalogService catalog;
    private final CourseAdminService courses;
    private final AuditTrail audit;
    private final AuthenticatedUser authenticatedUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CertificateService(CertificateStore store, BulkJobStore jobs, CertificateRenderer renderer,
                       CertificateProperties properties, HoursLedger ledger, TraineeService trainees,
                       CatalogService catalog, CourseAdminService courses, AuditTrail audit,
                       AuthenticatedUser authenticatedUser, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.jobs = jobs;
        this.renderer = renderer;
        this.properties = properties;
        this.ledger = ledger;
        this.trainees = trainees;
        this.catalog = catalog;
        this.courses = courses;
        this.audit = audit;
        this.authenticatedUser = authenticatedUser;
        this.events = events;
        this.clock = clock;
    }

    /** A trainee completed a lecture (the hours ledger booked it): their completion certificate, once. */
    @ApplicationModuleListener
    void onLectureHoursBooked(HoursEvents.LectureHoursBooked event) {
        SystemTasks.runAsSystem(() -> issueCompletion(event.traineeId(), event.lectureId()));
    }

    /**
     * The completion certificate for a lecture the trainee completed: issued now, or the one issued before
     * (the event arriving twice, an administrator clicking twice, a bulk run: one certificate).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Certificate issueCompletion(long traineeId, long lectureId) {
        HoursEntry entry = ledger.entries(traineeId, EARLIEST, LATEST).stream()
                .filter(e -> e.lectureId() != null && e.lectureId() == lectureId).findFirst()
                .orElseThrow(() -> new BusinessRuleException("certificate.notCompleted"));
        return issueCompletion(entry).certificate();
    }

    private record Issue(Certificate certificate, boolean created) {
    }

    private Issue issueCompletion(HoursEntry entry) {
        String dedupKey = "C:" + entry.traineeId() + ":" + entry.lectureId();
        Optional<Certificate> existing = store.findByDedupKey(dedupKey);
        if (existing.isPresent()) {
            return new Issue(existing.get(), false);
        }
        TraineeDetails trainee = trainees.get(entry.traineeId());
        LocalDate today = LocalDate.now(clock);
        NewCertificate certificate = new NewCertificate(VerificationCodes.next(), CertificateKind.COMPLETION,
                trainee.id(), entry.lectureId(), entry.courseId(), dedupKey, clip(trainee.name(), 60),
                trainee.maskedIdNumber(), clip(entry.title(), 200), entry.hours(), null, entry.earnedOn(),
                entry.earnedOn(), List.of(), today, LocalDateTime.now(clock), issuer(),
                properties.completionValidity() == null ? null : today.plus(properties.completionValidity()));
        return insert(certificate).map(c -> new Issue(c, true))
                // Lost a race with a concurrent issue of the same certificate: that one stands.
                .orElseGet(() -> new Issue(store.findByDedupKey(dedupKey).orElseThrow(), false));
    }

    /** The signed-in trainee's hours record for the current registration period (year null) or a calendar year. */
    @PreAuthorize("hasRole('TRAINEE')")
    @Transactional
    public Certificate issueMyHoursRecord(Integer year) {
        TraineeDetails me = trainees.mine().orElseThrow(() -> new AccessDeniedException("no trainee profile"));
        return issueHoursRecord(me, year, year == null ? ledger.myProgress().orElseThrow() : null);
    }

    /** An hours record issued by an administrator for a trainee. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
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
        Optional<Certificate> existing = store.findByDedupKey(dedupKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        LocalDate today = LocalDate.now(clock);
        NewCertificate certificate = new NewCertificate(VerificationCodes.next(), CertificateKind.HOURS_RECORD,
                trainee.id(), null, null, dedupKey, clip(trainee.name(), 60), trainee.maskedIdNumber(), title,
                total, required, from, to, lines, today, LocalDateTime.now(clock), issuer(),
                properties.hoursRecordValidity() == null ? null : today.plus(properties.hoursRecordValidity()));
        return insert(certificate).orElseGet(() -> store.findByDedupKey(dedupKey).orElseThrow());
    }

    private Optional<Certificate> insert(NewCertificate certificate) {
        Optional<Long> id = store.insertIfAbsent(certificate);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String serial = store.assignSerial(id.get(), properties.serialPrefix(), certificate.issuedOn().getYear());
        audit.record("certificate.issue", "certificate", id.get(),
                serial + " " + certificate.kind() + " " + certificate.title());
        events.publishEvent(new CertificateEvents.Issued(id.get(), certificate.traineeId(), serial,
                certificate.kind(), certificate.title()));
        return store.find(id.get());
    }

    /** Revokes a certificate; verification shows it revoked, with the date and the reason. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
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
    @Transactional
    public Certificate reissue(long certificateId) {
        String status = store.lockStatus(certificateId)
                .orElseThrow(() -> new BusinessRuleException("certificate.unknown"));
        if ("REPLACED".equals(status)) {
            throw new BusinessRuleException("certificate.reissue.replaced");
        }
        Certificate old = store.find(certificateId).orElseThrow();
        TraineeDetails trainee = trainees.get(old.traineeId());
        String dedupKey = store.releaseDedupKey(certificateId);
        LocalDate today = LocalDate.now(clock);
        var validity = old.kind() == CertificateKind.COMPLETION ? properties.completionValidity()
                : properties.hoursRecordValidity();
        NewCertificate replacement = new NewCertificate(VerificationCodes.next(), old.kind(), old.traineeId(),
                old.lectureId(), old.courseId(), dedupKey, clip(trainee.name(), 60), trainee.maskedIdNumber(),
                old.title(), old.hours(), old.requiredHours(), old.coversFrom(), old.coversTo(), old.lines(), today,
                LocalDateTime.now(clock), issuer(), validity == null ? null : today.plus(validity));
        Certificate issued = insert(replacement).orElseThrow();
        store.markReplaced(certificateId, issued.id());
        audit.record("certificate.reissue", "certificate", certificateId, old.serial() + " -> " + issued.serial());
        return issued;
    }

    /** Certificates whose serial or holder's name starts with the text, newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    public Page<Certificate> search(String text, Pageable pageable) {
        String query = text == null ? "" : text.strip();
        return new PageImpl<>(store.search(query, pageable.getPageSize(), pageable.getOffset()), pageable,
                store.count(query));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Optional<Certificate> find(long certificateId) {
        return store.find(certificateId);
    }

    /** The signed-in trainee's certificates, newest first. */
    @PreAuthorize("hasRole('TRAINEE')")
    public List<Certificate> mine() {
        return trainees.mine().map(me -> store.byTrainee(me.id())).orElse(List.of());
    }

    /** The PDF, for administrators and for the holder. */
    @PreAuthorize("hasAnyRole('ADMIN','TRAINEE')")
    public byte[] pdf(long certificateId) {
        Certificate certificate = store.find(certificateId)
                .orElseThrow(() -> new AccessDeniedException("certificate not accessible"));
        CurrentUser user = authenticatedUser.require();
        if (user.role() == Role.TRAINEE
                && trainees.mine().map(me -> me.id() != certificate.traineeId()).orElse(true)) {
            throw new AccessDeniedException("certificate not accessible");
        }
        return renderer.render(certificate);
    }

    /** The PDF's file name: its serial. */
    public static String fileName(Certificate certificate) {
        return certificate.serial() + ".pdf";
    }

    /** What the public verification page shows for a code; empty for codes never issued. No sign-in needed. */
    public Optional<Verification> verify(String typedCode) {
        String code = VerificationCodes.normalise(typedCode);
        if (code == null) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        return store.findByCode(code).map(c -> new Verification(c.code(), c.serial(), c.kind(), c.status(today),
                cn.tzsw.college.shared.Masking.name(c.holderName()), c.title(), c.hours(), c.coversFrom(),
                c.coversTo(), c.issuedOn(), c.validUntil(), c.revokedAt(), c.revokedReason(), c.replacedBy(),
                properties.issuer()));
    }

    // --- bulk issue -------------------------------------------------------------------------------------------

    /** Queues a bulk issue for everyone who completed the lecture (or any lecture of the course). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long startBulk(BulkScope scope, long subjectId) {
        String title;
        if (scope == BulkScope.LECTURE) {
            LectureInfo lecture = catalog.get(subjectId);
            title = clip(lecture.courseTitle() + " " + lecture.startsAt().toLocalDate(), 200);
        } else {
            title = clip(courses.edit(subjectId).getTitle(), 200);
        }
        int total = ledger.countCompletions(scope == BulkScope.COURSE, subjectId);
        long id = jobs.create(scope, subjectId, title, total, LocalDateTime.now(clock), issuer());
        audit.record("certificate.bulk", "certificate_job", id, scope + " " + subjectId + " " + title);
        return id;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Optional<BulkJob> job(long jobId) {
        return jobs.find(jobId);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<BulkJob> recentJobs(int limit) {
        return jobs.recent(Math.min(limit, 100));
    }

    /**
     * Works one chunk of the oldest unfinished bulk job in one transaction: the certificates and the job's
     * cursor commit together, so after a crash the job resumes where its last chunk ended, and the dedup key
     * makes each certificate once even so. Returns false when there was nothing to do.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public boolean workBulkChunk() {
        Optional<BulkJobStore.Claimed> claimed = jobs.claimNext();
        if (claimed.isEmpty()) {
            return false;
        }
        BulkJobStore.Claimed job = claimed.get();
        int chunk = Math.max(1, properties.bulkChunk());
        List<HoursEntry> completions = ledger.completions(job.scope() == BulkScope.COURSE, job.subjectId(),
                job.cursor(), chunk);
        int issued = 0;
        long cursor = job.cursor();
        for (HoursEntry entry : completions) {
            if (issueCompletion(entry).created()) {
                issued++;
            }
            cursor = entry.id();
        }
        jobs.advance(job.id(), completions.size(), issued, cursor, completions.size() < chunk,
                LocalDateTime.now(clock));
        return true;
    }

    private String issuer() {
        return authenticatedUser.current().map(CurrentUser::username).orElse("system");
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
