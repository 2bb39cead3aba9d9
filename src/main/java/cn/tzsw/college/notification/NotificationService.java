package cn.tzsw.college.notification;

import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.LectureEvents;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.certificates.CertificateEvents;
import cn.tzsw.college.hours.HoursEvents;
import cn.tzsw.college.notification.domain.MailMessage;
import cn.tzsw.college.notification.domain.MailMessageRepository;
import cn.tzsw.college.registration.RegistrationEvents;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.registration.RegistrationStatus;
import cn.tzsw.college.security.SystemTasks;
import cn.tzsw.college.trainees.TraineeContact;
import cn.tzsw.college.trainees.TraineeService;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail notices. The events reach these listeners after their transaction committed, through Spring Modulith's
 * publication registry (stored with the transaction, redelivered after a restart), so the registration path
 * pays for one insert only. The listeners write the outbox; {@link MailDispatcher} sends it, with retries.
 */
@Service
@Transactional
public class NotificationService {

    private final MailMessageRepository outbox;
    private final MailComposer composer;
    private final TraineeService trainees;
    private final CatalogService catalog;
    private final RegistrationService registrations;
    private final Clock clock;

    NotificationService(MailMessageRepository outbox, MailComposer composer, TraineeService trainees,
                        CatalogService catalog, RegistrationService registrations, Clock clock) {
        this.outbox = outbox;
        this.composer = composer;
        this.trainees = trainees;
        this.catalog = catalog;
        this.registrations = registrations;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void onRecorded(RegistrationEvents.Recorded event) {
        RegistrationStatus status = SystemTasks.runAsSystem(() -> registrations.statusOf(event.registrationId()))
                .orElse(RegistrationStatus.CANCELLED);
        if (status == RegistrationStatus.REGISTERED || status == RegistrationStatus.WAITLISTED) {
            notify(status == RegistrationStatus.REGISTERED ? "confirmed" : "waitlisted", event.traineeId(),
                    catalog.get(event.lectureId()));
        }
    }

    @ApplicationModuleListener
    void onPromoted(RegistrationEvents.Promoted event) {
        notify("promoted", event.traineeId(), catalog.get(event.lectureId()));
    }

    @ApplicationModuleListener
    void onLectureChanged(LectureEvents.Changed event) {
        LectureInfo lecture = catalog.get(event.lectureId());
        String kind = event.cancelled() ? "cancelled" : "changed";
        SystemTasks.runAsSystem(() -> registrations.activeTraineeIds(lecture.id()))
                .forEach(traineeId -> notify(kind, traineeId, lecture));
    }

    @ApplicationModuleListener
    void onReminderRequested(HoursEvents.ReminderRequested event) {
        TraineeContact contact = SystemTasks.runAsSystem(() -> trainees.contact(event.traineeId())).orElse(null);
        if (contact == null || contact.email() == null) {
            return; // no address: the window list shows who has none, for a phone call instead
        }
        String[] mail = composer.composeReminder(contact, event);
        outbox.save(new MailMessage(contact.email(), mail[0], mail[1], LocalDateTime.now(clock)));
    }

    /** A certificate was issued: mail it to the holder, the PDF attached (made when the mail is sent). */
    @ApplicationModuleListener
    void onCertificateIssued(CertificateEvents.Issued event) {
        TraineeContact contact = SystemTasks.runAsSystem(() -> trainees.contact(event.traineeId())).orElse(null);
        if (contact == null || contact.email() == null) {
            return; // the certificate is on the trainee's own page anyway
        }
        String[] mail = composer.composeCertificate(contact, event.serial(), event.title(), event.kind().messageKey());
        outbox.save(new MailMessage(contact.email(), mail[0], mail[1], LocalDateTime.now(clock),
                event.serial() + ".pdf", "certificate:" + event.certificateId()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Page<OutboxMail> outbox(Set<MailStatus> statuses, Pageable pageable) {
        Set<MailStatus> wanted = statuses == null || statuses.isEmpty() ? EnumSet.allOf(MailStatus.class) : statuses;
        return outbox.findByStatusIn(wanted, PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by(Sort.Direction.DESC, "id"))).map(MailMessage::toOutboxMail);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public long count(MailStatus status) {
        return outbox.countByStatus(status);
    }

    /** Puts a failed mail back in line, to be tried again at once. */
    @PreAuthorize("hasRole('ADMIN')")
    public void retry(long mailId) {
        outbox.findById(mailId).ifPresent(mail -> mail.retryNow(LocalDateTime.now(clock)));
    }

    private void notify(String kind, long traineeId, LectureInfo lecture) {
        TraineeContact contact = SystemTasks.runAsSystem(() -> trainees.contact(traineeId)).orElse(null);
        if (contact == null || contact.email() == null) {
            return; // nobody to write to: the notice is on the trainee's own pages anyway
        }
        String[] mail = composer.compose(kind, contact, lecture);
        outbox.save(new MailMessage(contact.email(), mail[0], mail[1], LocalDateTime.now(clock)));
    }
}
