package cn.tzsw.college.portal.ui;

import cn.tzsw.college.attendance.CheckIns;
import cn.tzsw.college.certificates.Certificate;
import cn.tzsw.college.certificates.CertificateQueries;
import cn.tzsw.college.hours.ComplianceStatus;
import cn.tzsw.college.hours.HoursLedger;
import cn.tzsw.college.hours.Progress;
import cn.tzsw.college.registration.MyLecture;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.HoursText;
import cn.tzsw.college.shared.LectureAction;
import cn.tzsw.college.shared.LectureProgress;
import cn.tzsw.college.shared.LectureState;
import cn.tzsw.college.shared.LectureStates;
import cn.tzsw.college.ui.LectureStateBadge;
import cn.tzsw.college.ui.UserMessages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;

/**
 * A trainee's home: hours of the current registration period against the requirement, the next lectures with the
 * action each needs, what is still to do, and the newest certificates. Cards in one column, so a phone shows it
 * without scrolling sideways.
 */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
class TraineeHome extends Div {

    static final int NEXT_LECTURES = 5;
    static final int RECENT_CERTIFICATES = 3;
    /** A period ending within this many days is a to-do while the requirement is not met. */
    static final int PERIOD_ENDING_DAYS = 90;
    /** Certificates issued within this many days are offered for download as a to-do. */
    static final int NEW_CERTIFICATE_DAYS = 30;

    TraineeHome(AuthenticatedUser authenticatedUser, HoursLedger ledger, RegistrationService registrations,
                LectureStates states, CheckIns checkIns, CertificateQueries certificates, Clock clock) {
        addClassNames("portal", "trainee-home");
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        H2 greeting = new H2(getTranslation("home.greeting", authenticatedUser.require().displayName()));
        greeting.setId("home-greeting");
        add(greeting);

        Progress progress = ledger.myProgress().orElse(null);
        if (progress == null) {
            add(new Paragraph(getTranslation("progress.noProfile"))); // an account without a trainee profile
            return;
        }
        List<MyLecture> mine = registrations.myLectures();
        Map<Long, LectureProgress> progresses = states.mine(mine.stream().map(m -> m.lecture().id()).toList());
        List<Step> steps = mine.stream()
                .filter(m -> progresses.containsKey(m.lecture().id()))
                .map(m -> new Step(m, progresses.get(m.lecture().id())))
                .filter(s -> !s.next().state().settled()
                        && (s.next().action() != null || s.mine().lecture().endsAt().isAfter(now)))
                .toList();
        List<Certificate> mineCertificates = certificates.mine();

        add(progress(progress, today), checkIn(steps, checkIns), nextLectures(steps),
                todos(progress, steps, mineCertificates, today), recentCertificates(mineCertificates, states));
    }

    private record Step(MyLecture mine, LectureProgress next) {
    }

    /**
     * Check-in: the room's QR encodes the check-in link, so the phone's camera opens it directly; the six digits
     * shown beside the QR can be typed here for the lecture whose check-in is open.
     */
    private Section checkIn(List<Step> steps, CheckIns checkIns) {
        Section section = section("home.checkIn", "home-checkin");
        Paragraph how = new Paragraph(getTranslation("home.checkIn.scan"));
        how.addClassName("home-checkin-how");
        section.add(how);
        Step open = steps.stream().filter(s -> s.next().action() == LectureAction.CHECK_IN).findFirst().orElse(null);
        if (open == null) {
            section.add(new Paragraph(getTranslation("home.checkIn.none")));
            return section;
        }
        long lectureId = open.mine().lecture().id();
        TextField digits = new TextField(getTranslation("home.checkIn.code", open.mine().lecture().courseTitle()));
        digits.setId("home-checkin-code");
        digits.setMaxLength(6);
        digits.setAllowedCharPattern("\\d");
        digits.getElement().setAttribute("inputmode", "numeric");
        digits.getElement().setAttribute("autocomplete", "one-time-code");
        Button submit = new Button(getTranslation("lectureAction.CHECK_IN"), e -> {
            try {
                checkIns.checkInWithCode(lectureId, digits.getValue());
                UI.getCurrent().getPage().reload(); // every card on the page moves on with the new state
            } catch (BusinessRuleException refused) {
                digits.setInvalid(true);
                digits.setErrorMessage(UserMessages.describe(this, refused));
            }
        });
        submit.setId("home-checkin-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(digits, submit);
        form.addClassName("home-checkin-form");
        section.add(form);
        return section;
    }

    private Section progress(Progress progress, LocalDate today) {
        Section section = section("home.progress", "home-progress");
        if (progress.period() == null) {
            section.add(new Span(getTranslation("progress.earned", hours(progress.earned()))),
                    new Paragraph(getTranslation("progress.noRequirement")));
            return section;
        }
        Span earned = new Span(getTranslation("home.hours", hours(progress.earned()), hours(progress.required())));
        earned.setId("home-hours");
        earned.addClassName("home-hours");
        ComplianceStatus status = progress.status(today);
        Span badge = new Span(getTranslation(status.messageKey()));
        badge.setId("home-status");
        badge.getElement().getThemeList().add("badge pill " + (status == ComplianceStatus.BEHIND ? "error" : "success"));
        ProgressBar bar = new ProgressBar(0, 1, progress.share());
        bar.setId("home-progress-bar");
        Paragraph period = new Paragraph(getTranslation("home.daysLeft", progress.daysLeft(),
                ChineseDates.format(progress.period().end(), getLocale())));
        period.setId("home-days-left");
        Div head = new Div(earned, badge);
        head.addClassName("portal-card-foot");
        section.add(head, bar, period, new Anchor("my/progress", getTranslation("home.toProgress")));
        return section;
    }

    private Section nextLectures(List<Step> steps) {
        Section section = section("home.nextLectures", "home-next");
        Div list = new Div();
        list.setId("home-lectures");
        list.addClassName("portal-cards");
        if (steps.isEmpty()) {
            list.add(new Paragraph(getTranslation("home.noLectures")));
        }
        for (Step step : steps.subList(0, Math.min(NEXT_LECTURES, steps.size()))) {
            var lecture = step.mine().lecture();
            Anchor title = new Anchor("lectures/" + lecture.id(), lecture.courseTitle());
            title.addClassName("portal-card-title");
            LectureStateBadge state = new LectureStateBadge(step.next().state());
            state.addClassName("home-lecture-state");
            String where = lecture.venue() != null ? lecture.venue() : getTranslation("catalog.online");
            Div meta = new Div(new Span(ChineseDates.format(lecture.startsAt(), getLocale())), new Span(where),
                    new Span(getTranslation(lecture.format().messageKey())));
            meta.addClassName("portal-card-meta");
            if (step.next().state() == LectureState.WAITLISTED) {
                meta.add(new Span(getTranslation("registration.waitlistedAt", step.mine().positionInLine())));
            }
            Div foot = new Div(state);
            foot.addClassName("portal-card-foot");
            LectureAction next = step.next().action();
            if (next != null) {
                Anchor action = new Anchor(next.href(lecture.id()), getTranslation(next.messageKey()));
                action.addClassNames("portal-button", "primary", "home-lecture-action");
                foot.add(action);
            }
            Div card = new Div(title, meta, foot);
            card.addClassName("portal-card");
            card.getElement().setAttribute("data-lecture", String.valueOf(lecture.id()));
            list.add(card);
        }
        section.add(list, new Anchor("my/lectures", getTranslation("home.toLectures")));
        return section;
    }

    private Section todos(Progress progress, List<Step> steps, List<Certificate> certificates, LocalDate today) {
        Section section = section("home.todos", "home-todos");
        List<Component> items = new ArrayList<>();
        for (Step step : steps) {
            if (step.next().action() == LectureAction.WATCH) {
                items.add(todo(getTranslation("home.todo.watch", step.mine().lecture().courseTitle()),
                        LectureAction.WATCH.href(step.mine().lecture().id())));
            }
        }
        for (Certificate certificate : certificates) {
            if (!certificate.issuedOn().isBefore(today.minusDays(NEW_CERTIFICATE_DAYS)) && !certificate.revoked()) {
                items.add(todo(getTranslation("home.todo.certificate", certificate.title()), "my/certificates"));
            }
        }
        if (progress.period() != null && progress.daysLeft() <= PERIOD_ENDING_DAYS
                && progress.status(today) != ComplianceStatus.MET) {
            items.add(todo(getTranslation("home.todo.periodEnding", progress.daysLeft(), hours(progress.shortfall())),
                    "catalog"));
        }
        Div list = new Div();
        list.setId("home-todo-list");
        list.addClassName("home-todo-list");
        if (items.isEmpty()) {
            list.add(new Paragraph(getTranslation("home.noTodos")));
        }
        items.forEach(list::add);
        section.add(list);
        return section;
    }

    private Anchor todo(String text, String href) {
        Anchor item = new Anchor(href, text);
        item.addClassName("home-todo");
        return item;
    }

    private Section recentCertificates(List<Certificate> all, LectureStates states) {
        List<Certificate> certificates = all.subList(0, Math.min(RECENT_CERTIFICATES, all.size()));
        Map<Long, LectureProgress> lectures = states.mine(certificates.stream().map(Certificate::lectureId)
                .filter(Objects::nonNull).toList());
        Section section = section("home.certificates", "home-certificates");
        Div list = new Div();
        list.addClassName("home-todo-list");
        if (certificates.isEmpty()) {
            list.add(new Paragraph(getTranslation("home.noCertificates")));
        }
        for (Certificate certificate : certificates) {
            Span title = new Span(certificate.title());
            title.addClassName("portal-card-title");
            Span facts = new Span(getTranslation(certificate.kind().messageKey()) + " · " + certificate.serial() + " · "
                    + ChineseDates.format(certificate.issuedOn(), getLocale()));
            facts.addClassName("portal-card-meta");
            Div row = new Div(title, facts);
            LectureProgress lecture = certificate.lectureId() == null ? null : lectures.get(certificate.lectureId());
            if (lecture != null) {
                row.add(new LectureStateBadge(lecture.state()));
                row.getElement().setAttribute("data-lecture", String.valueOf(certificate.lectureId()));
            }
            row.addClassName("portal-card");
            list.add(row);
        }
        section.add(list, new Anchor("my/certificates", getTranslation("home.toCertificates")));
        return section;
    }

    private Section section(String titleKey, String id) {
        Section section = new Section(new H2(getTranslation(titleKey)));
        section.setId(id);
        section.addClassName("portal-section");
        return section;
    }

    private static String hours(BigDecimal hours) {
        return HoursText.plain(hours);
    }
}
