package cn.tzsw.college.certificates;

import cn.tzsw.college.audit.AuditTrail;
import cn.tzsw.college.certificates.domain.CertificateStore;
import cn.tzsw.college.certificates.domain.CertificateStore.NewCertificate;
import cn.tzsw.college.hours.HoursEntry;
import cn.tzsw.college.hours.HoursEvents;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.trainees.TraineeDetails;
import cn.tzsw.college.trainees.TraineeRecords;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way a certificate record comes into being, whether issued singly, in bulk, on request or as a
 * replacement: code, issue date, issuer and validity stamped the same way, a serial assigned, the issue audited
 * and announced. Runs inside the caller's transaction, so a rollback takes the serial back with the row. It checks
 * no role: the services in front of it do for people, and listeners and the bulk worker call it as themselves.
 */
@Component
class CertificateRegistry {

    private final CertificateStore store;
    private final TraineeRecords trainees;
    private final CertificateProperties properties;
    private final AuditTrail audit;
    private final AuthenticatedUser authenticatedUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CertificateRegistry(CertificateStore store, TraineeRecords trainees, CertificateProperties properties,
                        AuditTrail audit, AuthenticatedUser authenticatedUser, ApplicationEventPublisher events,
                        Clock clock) {
        this.store = store;
        this.trainees = trainees;
        this.properties = properties;
        this.audit = audit;
        this.authenticatedUser = authenticatedUser;
        this.events = events;
        this.clock = clock;
    }

    /** What a certificate states about its holder and what it certifies; the registry adds the rest. */
    record Draft(CertificateKind kind, TraineeDetails holder, Long lectureId, Long courseId, String title,
                 BigDecimal hours, BigDecimal requiredHours, LocalDate coversFrom, LocalDate coversTo,
                 List<CertificateLine> lines) {
    }

    /** A certificate and whether this call issued it (false: it existed already). */
    record Issue(Certificate certificate, boolean created) {
    }

    /**
     * A lecture completion as the hours ledger booked it: what its certificate states, and whether it was recorded
     * after the fact (its holder is then not told of the certificate).
     */
    record Completion(long traineeId, long lectureId, long courseId, String title, BigDecimal hours,
                      LocalDate earnedOn, boolean afterTheFact) {

        static Completion of(HoursEntry entry) {
            return new Completion(entry.traineeId(), entry.lectureId(), entry.courseId(), entry.title(), entry.hours(),
                    entry.earnedOn(), false);
        }

        static Completion of(HoursEvents.LectureHoursBooked booked) {
            return new Completion(booked.traineeId(), booked.lectureId(), booked.courseId(), booked.title(),
                    booked.hours(), booked.earnedOn(), false);
        }

        /** A completion from {@link HoursEvents.PastLecturesRecorded}. */
        static Completion past(HoursEntry entry) {
            return new Completion(entry.traineeId(), entry.lectureId(), entry.courseId(), entry.title(), entry.hours(),
                    entry.earnedOn(), true);
        }
    }

    /**
     * The completion certificate, once per trainee and lecture: issued now, or the one issued before (the event
     * arriving twice, an administrator clicking twice, a bulk run: one certificate).
     */
    Issue issueCompletion(Completion completion) {
        return issueOnce("C:" + completion.traineeId() + ":" + completion.lectureId(),
                () -> new Draft(CertificateKind.COMPLETION, holder(completion.traineeId()), completion.lectureId(),
                        completion.courseId(), completion.title(), completion.hours(), null, completion.earnedOn(),
                        completion.earnedOn(), List.of()), completion.afterTheFact());
    }

    /** The holder as the certificate names them now. */
    private TraineeDetails holder(long traineeId) {
        return trainees.find(traineeId).orElseThrow(() -> new IllegalStateException("no trainee " + traineeId));
    }

    /**
     * The live certificate under the dedup key, or a new one from the draft. The draft is only made on a miss,
     * so a repeated issue costs one lookup.
     */
    Issue issueOnce(String dedupKey, Supplier<Draft> draft) {
        return issueOnce(dedupKey, draft, false);
    }

    private Issue issueOnce(String dedupKey, Supplier<Draft> draft, boolean afterTheFact) {
        Optional<Certificate> existing = store.findByDedupKey(dedupKey);
        if (existing.isPresent()) {
            return new Issue(existing.get(), false);
        }
        return insert(dedupKey, draft.get(), afterTheFact).map(c -> new Issue(c, true))
                // Lost a race with a concurrent issue of the same certificate: that one stands.
                .orElseGet(() -> new Issue(store.findByDedupKey(dedupKey).orElseThrow(), false));
    }

    /** A new certificate under a dedup key the caller has just freed (a reissue). */
    Certificate issue(String dedupKey, Draft draft) {
        return insert(dedupKey, draft, false).orElseThrow();
    }

    /** Who is issuing: the signed-in user, or "system" for the background work. */
    String issuer() {
        return authenticatedUser.actorName();
    }

    private Optional<Certificate> insert(String dedupKey, Draft draft, boolean afterTheFact) {
        LocalDate today = LocalDate.now(clock);
        Period validity = draft.kind() == CertificateKind.COMPLETION ? properties.completionValidity()
                : properties.hoursRecordValidity();
        TraineeDetails holder = draft.holder();
        NewCertificate certificate = new NewCertificate(VerificationCodes.next(), draft.kind(), holder.id(),
                draft.lectureId(), draft.courseId(), dedupKey, clip(holder.name(), 60), holder.maskedIdNumber(),
                clip(draft.title(), 200), draft.hours(), draft.requiredHours(), draft.coversFrom(), draft.coversTo(),
                draft.lines(), today, LocalDateTime.now(clock), issuer(),
                validity == null ? null : today.plus(validity));
        Optional<Long> id = store.insertIfAbsent(certificate);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String serial = store.assignSerial(id.get(), properties.serialPrefix(), today.getYear());
        audit.record("certificate.issue", "certificate", id.get(),
                serial + " " + certificate.kind() + " " + certificate.title());
        events.publishEvent(new CertificateEvents.Issued(id.get(), certificate.traineeId(), serial,
                certificate.kind(), certificate.title(), afterTheFact));
        return store.find(id.get());
    }

    /** Texts are cut to their columns' widths. */
    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
