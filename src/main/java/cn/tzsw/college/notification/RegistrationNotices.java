package cn.tzsw.college.notification;

import cn.tzsw.college.notification.domain.MailNoticeRepository;
import cn.tzsw.college.registration.RegistrationEvents;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registration notices, written in the registration's own transaction (plain listeners, called by the publisher):
 * one insert each, and the mail is written later, in a batch, by {@link NotificationService#writeNoticeMails}. No
 * transaction proxy of their own: they always run inside the registration's, and on the registration burst's path
 * a proxy that only joins it cost a transaction interceptor per registration.
 */
@Component
class RegistrationNotices {

    private final MailNoticeRepository notices;
    private final Clock clock;

    RegistrationNotices(MailNoticeRepository notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    @EventListener
    void onRecorded(RegistrationEvents.Recorded event) {
        notices.add(MailNoticeRepository.RECORDED, event.registrationId(), event.traineeId(), event.lectureId(),
                LocalDateTime.now(clock));
    }

    @EventListener
    void onPromoted(RegistrationEvents.Promoted event) {
        notices.add(MailNoticeRepository.PROMOTED, event.registrationId(), event.traineeId(), event.lectureId(),
                LocalDateTime.now(clock));
    }
}
