package cn.tzsw.college.registration.ui;

import cn.tzsw.college.catalog.Availability;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.CourseFormat;
import cn.tzsw.college.catalog.Instructor;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.registration.LectureCalendar;
import cn.tzsw.college.registration.MyLecture;
import cn.tzsw.college.registration.RegistrationOutcome;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.registration.RegistrationStatus;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.CurrentUser;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.shared.HoursText;
import cn.tzsw.college.shared.LectureProgress;
import cn.tzsw.college.shared.LectureStates;
import cn.tzsw.college.ui.LectureStateBadge;
import cn.tzsw.college.ui.Notifications;
import cn.tzsw.college.ui.SignInFirst;
import cn.tzsw.college.ui.UserMessages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A lecture's page: what, when, where, who; and for a signed-in trainee, register, wait or cancel. */
@Route("lectures")
@AnonymousAllowed
class LectureView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final CatalogService catalog;
    private final RegistrationService registrations;
    private final RegionService regions;
    private final AuthenticatedUser authenticatedUser;
    private final LectureStates states;
    private final Clock clock;
    private LectureInfo lecture;

    LectureView(CatalogService catalog, RegistrationService registrations, RegionService regions,
                AuthenticatedUser authenticatedUser, LectureStates states, Clock clock) {
        this.states = states;
        this.catalog = catalog;
        this.registrations = registrations;
        this.regions = regions;
        this.authenticatedUser = authenticatedUser;
        this.clock = clock;
        addClassName("narrow-page");
    }

    @Override
    public void setParameter(BeforeEvent event, Long lectureId) {
        lecture = catalog.findPublished(lectureId == null ? -1 : lectureId).orElseThrow(NotFoundException::new);
        render();
    }

    private void render() {
        removeAll();
        LocalDateTime now = LocalDateTime.now(clock);
        H2 title = new H2(lecture.courseTitle());
        title.setId("lecture-title");
        Span badge = new Span(getTranslation(lecture.availability(now).messageKey()));
        badge.getElement().getThemeList().add("badge pill");
        badge.setId("lecture-availability");
        add(title, badge);

        Div facts = new Div();
        facts.addClassName("lecture-facts");
        fact(facts, "lecture.time", ChineseDates.format(lecture.startsAt(), getLocale()) + " – "
                + ChineseDates.format(lecture.endsAt(), getLocale()));
        if (lecture.venue() != null) {
            fact(facts, "lecture.venue", lecture.venue());
        }
        fact(facts, "lecture.format", getTranslation(lecture.format().messageKey()));
        fact(facts, "lecture.creditHours", HoursText.plain(lecture.creditHours()));
        fact(facts, "lecture.category", lecture.category().name(getLocale()));
        fact(facts, "lecture.instructors", lecture.instructors().stream().map(Instructor::display)
                .collect(Collectors.joining("、")));
        fact(facts, "lecture.organiser", regions.get(lecture.organiserCode()).name());
        fact(facts, "lecture.seats", getTranslation("catalog.seatsLeft", lecture.seatsLeft(), lecture.capacity()));
        fact(facts, "lecture.registrationWindow", ChineseDates.format(lecture.registrationOpens(), getLocale()) + " – "
                + ChineseDates.format(lecture.registrationCloses(), getLocale()));
        fact(facts, "lecture.cancellationDeadline", ChineseDates.format(lecture.cancellationDeadline(), getLocale()));
        if (lecture.regionRestriction() != null) {
            fact(facts, "lecture.regionRestriction", regions.displayPath(lecture.regionRestriction()));
        }
        add(facts, new Paragraph(lecture.summary()), actions(now));
    }

    private Component actions(LocalDateTime now) {
        Div actions = new Div();
        actions.setId("registration-actions");
        actions.addClassName("registration-actions");
        Optional<CurrentUser> user = authenticatedUser.current();
        if (user.isEmpty()) {
            // Only where signing in leads to a registration: not before the window opens, nor after it closes.
            if (registrable(lecture.availability(now))) {
                Button signIn = new Button(getTranslation("registration.signInToRegister"),
                        e -> getUI().ifPresent(ui -> SignInFirst.navigate(ui, "/lectures/" + lecture.id())));
                signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                signIn.setId("sign-in-to-register");
                actions.add(signIn);
            }
            return actions;
        }
        if (user.get().is(Role.ADMIN)) {
            actions.add(new Anchor("admin/lectures/" + lecture.id() + "/roster", getTranslation("lecture.roster")),
                    new Anchor("admin/lectures/" + lecture.id() + "/attendance", getTranslation("lecture.attendance")));
            return actions;
        }
        if (!user.get().is(Role.TRAINEE)) {
            return actions;
        }
        Optional<MyLecture> mine = registrations.myRegistration(lecture.id());
        if (mine.isEmpty()) {
            Availability availability = lecture.availability(now);
            if (registrable(availability)) {
                Button register = new Button(getTranslation(availability == Availability.OPEN
                        ? "registration.register" : "registration.joinWaitlist"), e -> register());
                register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                register.setId("register");
                register.setDisableOnClick(true);
                actions.add(register);
            }
            return actions;
        }
        MyLecture registration = mine.get();
        LectureProgress progress = states.mine(List.of(lecture.id())).get(lecture.id());
        if (progress != null) {
            LectureStateBadge status = new LectureStateBadge(progress.state());
            status.setId("registration-status");
            status.addClassName("registration-status");
            actions.add(status);
        }
        if (registration.status() == RegistrationStatus.WAITLISTED) {
            actions.add(new Span(getTranslation("registration.waitlistedAt", registration.positionInLine())));
        }
        if (registration.status() == RegistrationStatus.REGISTERED) {
            byte[] ics = LectureCalendar.ics(lecture, clock.instant());
            Anchor calendar = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(ics), "lecture-" + lecture.id() + ".ics", "text/calendar", ics.length)),
                    getTranslation("registration.addToCalendar"));
            calendar.setId("ics-download");
            actions.add(calendar, attendLinks());
        }
        if (!now.isAfter(lecture.cancellationDeadline())) {
            Button cancel = new Button(getTranslation("registration.cancel"), e -> confirmCancel(registration));
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            cancel.setId("cancel-registration");
            actions.add(cancel);
        }
        return actions;
    }

    /** Where a registered trainee attends: the player for video and live lectures, the code page in the room. */
    private Div attendLinks() {
        Div links = new Div();
        links.addClassName("attend-links");
        boolean watchable = lecture.format() != CourseFormat.IN_PERSON || lecture.videoUrl() != null;
        if (watchable) {
            Anchor watch = new Anchor("watch/" + lecture.id(), getTranslation(lecture.format() == CourseFormat.LIVE_STREAM
                    ? "lecture.watchLive" : "lecture.watch"));
            watch.setId("watch-link");
            links.add(watch);
        }
        if (lecture.format() != CourseFormat.RECORDED_VIDEO) {
            Anchor checkIn = new Anchor("checkin?lecture=" + lecture.id(), getTranslation("lecture.checkIn"));
            checkIn.setId("checkin-link");
            links.add(checkIn);
        }
        return links;
    }

    private void register() {
        try {
            RegistrationOutcome outcome = registrations.register(lecture.id());
            Notifications.success(getTranslation(outcome.status() == RegistrationStatus.REGISTERED
                    ? "registration.done" : "registration.waitlistedDone"));
        } catch (BusinessRuleException e) {
            Notifications.error(UserMessages.describe(this, e));
        }
        reload();
    }

    private static boolean registrable(Availability availability) {
        return availability == Availability.OPEN || availability == Availability.FULL_WAITLIST;
    }

    /** A cancelled seat goes to the next in line at once: the trainee may not get it back. */
    private void confirmCancel(MyLecture registration) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("cancel-registration-confirm");
        confirm.setHeader(getTranslation("registration.cancel"));
        confirm.setText(getTranslation(registration.status() == RegistrationStatus.WAITLISTED
                ? "registration.cancel.confirmWaitlisted" : "registration.cancel.confirmRegistered",
                lecture.courseTitle()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("registration.cancel.keep"));
        confirm.setConfirmText(getTranslation("registration.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> cancel());
        confirm.open();
    }

    private void cancel() {
        try {
            registrations.cancel(lecture.id());
            Notifications.success(getTranslation("registration.cancelledDone"));
        } catch (BusinessRuleException e) {
            Notifications.error(UserMessages.describe(this, e));
        }
        reload();
    }

    private void reload() {
        lecture = catalog.get(lecture.id());
        render();
    }

    private void fact(Div facts, String labelKey, String value) {
        Div row = new Div(new Span(getTranslation(labelKey)), new Span(value));
        row.addClassName("lecture-fact");
        facts.add(row);
    }

    @Override
    public String getPageTitle() {
        return (lecture == null ? "" : lecture.courseTitle() + " | ") + getTranslation("app.name");
    }
}
