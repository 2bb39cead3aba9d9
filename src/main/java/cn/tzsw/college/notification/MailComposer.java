package cn.tzsw.college.notification;

import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.hours.HoursEvents;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.trainees.TraineeContact;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Writes a notice in the recipient's language from the one MessageSource. */
@Component
class MailComposer {

    private final MessageSource messages;
    private final MailProperties properties;

    MailComposer(MessageSource messages, MailProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    /** Subject and body of the re-registration reminder (mail.reminder.subject / mail.reminder.body). */
    String[] composeReminder(TraineeContact to, HoursEvents.ReminderRequested reminder) {
        Locale locale = "en".equals(to.locale().getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        Object[] args = {to.name(), ChineseDates.format(reminder.periodEnd(), locale),
                reminder.required().stripTrailingZeros().toPlainString(),
                reminder.earned().stripTrailingZeros().toPlainString(),
                reminder.shortfall().stripTrailingZeros().toPlainString(), properties.baseUrl() + "/catalog"};
        return new String[] {messages.getMessage("mail.reminder.subject", args, locale),
                messages.getMessage("mail.reminder.body", args, locale)};
    }

    /** Subject and body of the mail that carries a newly issued certificate. */
    String[] composeCertificate(TraineeContact to, String serial, String title, String kindKey) {
        Locale locale = "en".equals(to.locale().getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        Object[] args = {to.name(), messages.getMessage(kindKey, null, locale), title, serial,
                properties.baseUrl() + "/my/certificates"};
        return new String[] {messages.getMessage("mail.certificate.subject", args, locale),
                messages.getMessage("mail.certificate.body", args, locale)};
    }

    /** Subject and body of notice {@code kind} (mail.KIND.subject / mail.KIND.body) about a lecture. */
    String[] compose(String kind, TraineeContact to, LectureInfo lecture) {
        Locale locale = "en".equals(to.locale().getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        String place = lecture.venue() != null ? lecture.venue()
                : messages.getMessage("mail.place.online", null, locale);
        Object[] args = {to.name(), lecture.courseTitle(), ChineseDates.format(lecture.startsAt(), locale),
                ChineseDates.format(lecture.endsAt(), locale), place,
                properties.baseUrl() + "/lectures/" + lecture.id()};
        return new String[] {messages.getMessage("mail." + kind + ".subject", args, locale),
                messages.getMessage("mail." + kind + ".body", args, locale)};
    }
}
