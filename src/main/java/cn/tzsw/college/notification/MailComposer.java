package cn.tzsw.college.notification;

import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.hours.HoursEvents;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.shared.HoursText;
import cn.tzsw.college.trainees.TraineeContact;
import cn.tzsw.college.ui.Languages;
import java.util.Locale;
import java.util.function.Function;
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
        return write("reminder", to, locale -> new Object[] {to.name(),
                ChineseDates.format(reminder.periodEnd(), locale),
                HoursText.plain(reminder.required()),
                HoursText.plain(reminder.earned()),
                HoursText.plain(reminder.shortfall()), properties.baseUrl() + "/catalog"});
    }

    /** Subject and body of the mail that carries a newly issued certificate. */
    String[] composeCertificate(TraineeContact to, String serial, String title, String kindKey) {
        return write("certificate", to, locale -> new Object[] {to.name(), messages.getMessage(kindKey, null, locale),
                title, serial, properties.baseUrl() + "/my/certificates"});
    }

    /** Subject and body of notice {@code kind} (mail.KIND.subject / mail.KIND.body) about a lecture. */
    String[] compose(String kind, TraineeContact to, LectureInfo lecture) {
        return write(kind, to, locale -> new Object[] {to.name(), lecture.courseTitle(),
                ChineseDates.format(lecture.startsAt(), locale), ChineseDates.format(lecture.endsAt(), locale),
                lecture.venue() != null ? lecture.venue() : messages.getMessage("mail.place.online", null, locale),
                properties.baseUrl() + "/lectures/" + lecture.id()});
    }

    /** mail.KIND.subject and mail.KIND.body in the language the recipient chose (Chinese unless English). */
    private String[] write(String kind, TraineeContact to, Function<Locale, Object[]> arguments) {
        Locale locale = Languages.normalise(to.locale());
        Object[] args = arguments.apply(locale);
        return new String[] {messages.getMessage("mail." + kind + ".subject", args, locale),
                messages.getMessage("mail." + kind + ".body", args, locale)};
    }
}
