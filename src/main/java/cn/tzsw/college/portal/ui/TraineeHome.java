package cn.tzsw.college.portal.ui;

import cn.tzsw.college.attendance.AttendanceProperties;
import cn.tzsw.college.attendance.MyAttendance;
import cn.tzsw.college.certificates.Certificate;
import cn.tzsw.college.certificates.CertificateQueries;
import cn.tzsw.college.hours.ComplianceStatus;
import cn.tzsw.college.hours.HoursEntry;
import cn.tzsw.college.hours.HoursLedger;
import cn.tzsw.college.hours.Progress;
import cn.tzsw.college.registration.MyLecture;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.registration.RegistrationStatus;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.shared.HoursText;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
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
                MyAttendance attendance, CertificateQueries certificates, AttendanceProperties attendanceProperties,
                Clock clock) {
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
        Set<Long> booked = ledger.entries(progress.traineeId(), LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31))
                .stream().map(HoursEntry::lectureId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, MyAttendance.Standing> standings = attendance.of(mine.stream().map(m -> m.lecture().id()).toList());
        List<Step> steps = mine.stream()
                .map(m -> new Step(m, NextStep.of(m, standings.get(m.lecture().id()), booked.contains(m.lecture().id()),
                        now, attendanceProperties.getCheckInMargin())))
                .filter(s -> !"home.state.completed".equals(s.next().stateKey())
                        && (s.next().actionKey() != null || s.mine().lecture().endsAt().isAfter(now)))
                .toList();
        List<Certificate> mineCertificates = certificates.mine();

        add(progress(progress, today), nextLectures(steps), todos(progress, steps, mineCertificates, today),
                recentCertificates(mineCertificates));
    }

    private record Step(MyLecture mine, NextStep next) {
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
            Span state = new Span(step.mine().status() == RegistrationStatus.WAITLISTED
                    ? getTranslation("registration.waitlistedAt", step.mine().positionInLine())
                    : getTranslation(step.next().stateKey()));
            state.getElement().getThemeList().add("badge pill");
            state.addClassName("home-lecture-state");
            String where = lecture.venue() != null ? lecture.venue() : getTranslation("catalog.online");
            Div meta = new Div(new Span(ChineseDates.format(lecture.startsAt(), getLocale())), new Span(where),
                    new Span(getTranslation(lecture.format().messageKey())));
            meta.addClassName("portal-card-meta");
            Div foot = new Div(state);
            foot.addClassName("portal-card-foot");
            if (step.next().actionKey() != null) {
                Anchor action = new Anchor(step.next().href(), getTranslation(step.next().actionKey()));
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
            if (step.next().unwatched()) {
                items.add(todo(getTranslation("home.todo.watch", step.mine().lecture().courseTitle()), step.next().href()));
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

    private Section recentCertificates(List<Certificate> certificates) {
        Section section = section("home.certificates", "home-certificates");
        Div list = new Div();
        list.addClassName("home-todo-list");
        if (certificates.isEmpty()) {
            list.add(new Paragraph(getTranslation("home.noCertificates")));
        }
        for (Certificate certificate : certificates.subList(0, Math.min(RECENT_CERTIFICATES, certificates.size()))) {
            Span title = new Span(certificate.title());
            title.addClassName("portal-card-title");
            Span facts = new Span(getTranslation(certificate.kind().messageKey()) + " · " + certificate.serial() + " · "
                    + ChineseDates.format(certificate.issuedOn(), getLocale()));
            facts.addClassName("portal-card-meta");
            Div row = new Div(title, facts);
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
