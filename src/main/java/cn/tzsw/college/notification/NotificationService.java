package cn.tzsw.college.notification;

import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.LectureEvents;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.certificates.CertificateEvents;
import cn.tzsw.college.hours.HoursEvents;
import cn.tzsw.college.notification.domain.MailMessage;
import cn.tzsw.college.notification.domain.MailMessageBatches;
import cn.tzsw.college.notification.domain.MailMessageRepository;
import cn.tzsw.college.notification.domain.MailNoticeRepository;
import cn.tzsw.college.registration.RegistrationStatus;
import cn.tzsw.college.registration.RegistrationStatuses;
import cn.tzsw.college.trainees.TraineeContact;
import cn.tzsw.college.trainees.TraineeRecords;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail notices. Registration notices are one row written in the registration's transaction
 * ({@link RegistrationNotices}) and become mails in batches ({@link #writeNoticeMails}); the rarer events reach their listeners after their transaction committed,
 * through Spring Modulith's publication registry (stored with the transaction, redelivered after a restart).
 * Either way the mail goes to the outbox, which {@link MailDispatcher} sends, with retries.
 */
@Service
@Transactional
public class NotificationService {

    private final MailMessageRepository outbox;
    private final MailNoticeRepository notices;
    private final MailComposer composer;
    private final TraineeRecords contacts;
    private final CatalogService catalog;
    private final RegistrationStatuses registrations;
    private final MailProperties properties;
    private final MailServerState server;
    private final Clock clock;

    NotificationService(MailMessageRepository outbox, MailNoticeRepository notices,
                        MailComposer composer, TraineeRecords contacts, CatalogService catalog,
                        RegistrationStatuses registrations, MailProperties properties, MailServerState server,
                        Clock clock) {
        this.properties = properties;
        this.server = server;
        this.outbox = outbox;
        this.notices = notices;
        this.composer = composer;
        this.contacts = contacts;
        this.catalog = catalog;
        this.registrations = registrations;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void onLectureChanged(LectureEvents.Changed event) {
        LectureInfo lecture = catalog.get(event.lectureId());
        String kind = event.cancelled() ? "cancelled" : "changed";
        List<Long> traineeIds = registrations.activeTraineeIds(lecture.id());
        Map<Long, TraineeContact> recipients = contacts.contacts(traineeIds);
        outbox.insert(traineeIds.stream().map(traineeId -> compose(kind, recipients.get(traineeId), lecture))
                .filter(Objects::nonNull).toList(), LocalDateTime.now(clock));
    }

    /**
     * Turns up to {@code limit} waiting registration notices into outbox mails, reading registrations, trainees
     * and lectures once per batch. A recorded registration is announced as it stands now (registered or
     * waitlisted); one cancelled meanwhile gets no mail. Returns how many notices were handled.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED) // taking the notices locks no gap (see takeOldest)
    int writeNoticeMails(int limit) {
        List<MailNoticeRepository.Notice> due = notices.takeOldest(limit);
        if (due.isEmpty()) {
            return 0;
        }
        Map<Long, RegistrationStatus> statuses = registrations.of(
                due.stream().map(MailNoticeRepository.Notice::registrationId).collect(Collectors.toSet()));
        Map<Long, TraineeContact> recipients = contacts.contacts(
                due.stream().map(MailNoticeRepository.Notice::traineeId).collect(Collectors.toSet()));
        Map<Long, LectureInfo> lectures = catalog.findAll(due.stream().map(MailNoticeRepository.Notice::lectureId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(LectureInfo::id, Function.identity()));
        List<MailMessageBatches.NewMail> mails = new ArrayList<>();
        for (MailNoticeRepository.Notice notice : due) {
            String kind = switch (statuses.getOrDefault(notice.registrationId(), RegistrationStatus.CANCELLED)) {
                case REGISTERED -> MailNoticeRepository.PROMOTED.equals(notice.kind()) ? "promoted" : "confirmed";
                case WAITLISTED -> MailNoticeRepository.PROMOTED.equals(notice.kind()) ? null : "waitlisted";
                default -> null;
            };
            LectureInfo lecture = lectures.get(notice.lectureId());
            if (kind != null && lecture != null) {
                mails.add(compose(kind, recipients.get(notice.traineeId()), lecture));
            }
        }
        outbox.insert(mails.stream().filter(Objects::nonNull).toList(), LocalDateTime.now(clock));
        return due.size();
    }

    @ApplicationModuleListener
    void onReminderRequested(HoursEvents.ReminderRequested event) {
        TraineeContact contact = contacts.contact(event.traineeId()).orElse(null);
        if (contact == null || contact.email() == null) {
            return; // no address: the window list shows who has none, for a phone call instead
        }
        String[] mail = composer.composeReminder(contact, event);
        outbox.save(new MailMessage(contact.email(), mail[0], mail[1], properties.newMessageId(),
                LocalDateTime.now(clock)));
    }

    /**
     * A certificate was issued: mail it to the holder, the PDF attached (made when the mail is sent), unless the
     * holder is not to be told (the condition also spares such an event its publication).
     */
    @ApplicationModuleListener(condition = "#event.tellHolder()")
    void onCertificateIssued(CertificateEvents.Issued event) {
        TraineeContact contact = contacts.contact(event.traineeId()).orElse(null);
        if (contact == null || contact.email() == null) {
            return; // the certificate is on the trainee's own page anyway
        }
        String[] mail = composer.composeCertificate(contact, event.serial(), event.title(), event.kind().messageKey());
        outbox.save(new MailMessage(contact.email(), mail[0], mail[1], properties.newMessageId(),
                LocalDateTime.now(clock), event.serial() + ".pdf", "certificate:" + event.certificateId()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Page<OutboxMail> outbox(Set<MailStatus> statuses, Pageable pageable) {
        Set<MailStatus> wanted = statuses == null || statuses.isEmpty() ? EnumSet.allOf(MailStatus.class) : statuses;
        return outbox.findByStatusIn(wanted, PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by(Sort.Direction.DESC, "id"))).map(MailMessage::toOutboxMail);
    }

    /** The mail server's state, the counts and the longest wait, for the outbox page. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public OutboxState outboxState() {
        return new OutboxState(server.address(), server.downSince(), server.error(),
                outbox.countByStatus(MailStatus.PENDING), outbox.countByStatus(MailStatus.FAILED),
                outbox.oldestWaiting());
    }

    /** Puts a mail not yet sent back in line, to be tried again at once (and given the full time again). */
    @PreAuthorize("hasRole('ADMIN')")
    public void retry(long mailId) {
        outbox.requeue(mailId, LocalDateTime.now(clock));
    }

    /** Puts every failed mail back in line, to be tried again at once; returns how many. */
    @PreAuthorize("hasRole('ADMIN')")
    public int retryAllFailed() {
        return outbox.requeueFailed(LocalDateTime.now(clock));
    }

    /** The mail, or null when there is nobody to write to (the notice is on the trainee's own pages anyway). */
    private MailMessageBatches.NewMail compose(String kind, TraineeContact contact, LectureInfo lecture) {
        if (contact == null || contact.email() == null) {
            return null;
        }
        String[] mail = composer.compose(kind, contact, lecture);
        return new MailMessageBatches.NewMail(contact.email(), mail[0], mail[1], properties.newMessageId());
    }
}
