package cn.tzsw.college.tracking.ui;

import cn.tzsw.college.attendance.AttendanceMarks;
import cn.tzsw.college.attendance.TraineeAttendance;
import cn.tzsw.college.certificates.Certificate;
import cn.tzsw.college.certificates.CertificateQueries;
import cn.tzsw.college.hours.ExternalHoursService;
import cn.tzsw.college.hours.HoursEntry;
import cn.tzsw.college.hours.HoursLedger;
import cn.tzsw.college.hours.Progress;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.registration.MyLecture;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.CurrentUser;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.shared.HoursText;
import cn.tzsw.college.shared.LectureState;
import cn.tzsw.college.shared.LectureStates;
import cn.tzsw.college.trainees.TraineeDetails;
import cn.tzsw.college.trainees.TraineeEdit;
import cn.tzsw.college.trainees.TraineeService;
import cn.tzsw.college.ui.FormSaveEvent;
import cn.tzsw.college.ui.LectureStateBadge;
import cn.tzsw.college.ui.Notifications;
import cn.tzsw.college.ui.UserMessages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One trainee: profile (numbers masked, the full value only on a deliberate, audited click), standing in the
 * current registration period, the hours ledger, registrations, attendance and certificates, each lecture with
 * the state every page shows. A foreign or missing id is the same refusal.
 */
@Route("trainee")
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
class TraineeDetailView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final TraineeService trainees;
    private final HoursLedger ledger;
    private final ExternalHoursService externalHours;
    private final RegistrationService registrations;
    private final RegionService regions;
    private final CurrentUser user;
    private final AttendanceMarks attendance;
    private final CertificateQueries certificates;
    private final LectureStates states;
    private final java.time.Clock clock;
    private TraineeDetails trainee;
    private Map<Long, LectureState> lectureStates = Map.of();

    TraineeDetailView(TraineeService trainees, HoursLedger ledger, ExternalHoursService externalHours,
                      RegistrationService registrations, RegionService regions, AuthenticatedUser authenticatedUser,
                      AttendanceMarks attendance, CertificateQueries certificates, LectureStates states,
                      java.time.Clock clock) {
        this.attendance = attendance;
        this.certificates = certificates;
        this.states = states;
        this.clock = clock;
        this.trainees = trainees;
        this.ledger = ledger;
        this.externalHours = externalHours;
        this.registrations = registrations;
        this.regions = regions;
        this.user = authenticatedUser.require();
        setMaxWidth("72em");
    }

    @Override
    public void setParameter(BeforeEvent event, Long traineeId) {
        trainee = trainees.get(traineeId == null ? -1 : traineeId); // AccessDeniedException -> the access-denied page
        render();
    }

    private void render() {
        removeAll();
        Button back = new Button(getTranslation("detail.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(TraineeDirectoryView.class)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button edit = new Button(getTranslation("detail.edit"), VaadinIcon.EDIT.create(), e -> openEditor());
        edit.setId("trainee-edit");
        HorizontalLayout head = new HorizontalLayout(new H2(trainee.name()), edit);
        head.setAlignItems(Alignment.CENTER);
        List<MyLecture> registered = registrations.ofTrainee(trainee.id());
        List<TraineeAttendance> marks = attendance.ofTrainee(trainee.id());
        Set<Long> lectureIds = new HashSet<>();
        registered.forEach(m -> lectureIds.add(m.lecture().id()));
        marks.forEach(m -> lectureIds.add(m.lectureId()));
        lectureStates = states.ofTrainee(trainee.id(), lectureIds);
        add(back, head, profile(), standing(), registrationsPanel(registered), attendancePanel(marks),
                certificatesPanel());
    }

    private Component profile() {
        Div grid = new Div();
        grid.addClassName("detail-facts");
        grid.add(fact("trainee.idNumber", revealable(trainee.maskedIdNumber(), () -> trainees.revealIdNumber(trainee.id()),
                "reveal-id")));
        grid.add(fact("trainee.phone", revealable(trainee.maskedPhone(), () -> trainees.revealPhone(trainee.id()),
                "reveal-phone")));
        grid.add(fact("trainee.gender", new Span(getTranslation("gender." + trainee.gender().name()))));
        grid.add(fact("detail.birthDate", new Span(ChineseDates.format(trainee.birthDate(), getLocale()))));
        grid.add(fact("trainee.workUnit", new Span(trainee.workUnit())));
        grid.add(fact("trainee.region", new Span(regions.displayPath(trainee.regionCode()))));
        grid.add(fact("trainee.certificateLevel", new Span(getTranslation(trainee.certificateLevel().messageKey()))));
        return grid;
    }

    /** The masked value and a 显示完整 button; the click asks the service, which writes the audit line. */
    private Component revealable(String masked, Supplier<String> reveal, String id) {
        Span value = new Span(masked);
        value.setId(id + "-value");
        Button show = new Button(getTranslation("detail.reveal"));
        show.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        show.setId(id);
        show.addClickListener(e -> {
            value.setText(reveal.get());
            show.setVisible(false);
        });
        return new Span(value, new Span(" "), show);
    }

    private Component fact(String labelKey, Component value) {
        Div fact = new Div(new Span(getTranslation(labelKey)), value);
        fact.addClassName("detail-fact");
        return fact;
    }

    private Component standing() {
        Progress progress = ledger.progressOf(trainee.id());
        VerticalLayout panel = new VerticalLayout();
        panel.setPadding(false);
        H3 title = new H3(getTranslation("detail.standing"));
        panel.add(title);
        if (progress.period() == null) {
            panel.add(new Span(getTranslation("detail.notRequired")));
        } else {
            LocalDate today = LocalDate.now(clock);
            FlexLayout facts = new FlexLayout();
            facts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            facts.addClassName("detail-facts");
            facts.add(fact("detail.period", new Span(ChineseDates.format(progress.period().start(), getLocale()) + " – "
                    + ChineseDates.format(progress.period().end(), getLocale()))));
            facts.add(fact("detail.required", new Span(HoursText.plain(progress.required()))));
            facts.add(fact("detail.earned", new Span(HoursText.plain(progress.earned()))));
            facts.add(fact("detail.shortfall", new Span(HoursText.plain(progress.shortfall()))));
            facts.add(fact("detail.daysLeft", new Span(String.valueOf(progress.daysLeft()))));
            facts.add(fact("directory.compliance", new ComplianceBadge(progress.status(today))));
            ProgressBar bar = new ProgressBar(0, 1, progress.share());
            Span source = new Span(getTranslation("detail.ruleSource", progress.ruleSource()));
            source.addClassName("hint");
            panel.add(facts, bar, source);
        }
        HorizontalLayout ledgerHead = new HorizontalLayout(new H3(getTranslation("detail.ledger")));
        ledgerHead.setAlignItems(Alignment.BASELINE);
        if (user.is(Role.ADMIN)) {
            Button record = new Button(getTranslation("external.title"), VaadinIcon.PLUS.create(),
                    e -> new ExternalHoursDialog(externalHours, trainee.id(), this::render).open());
            record.setId("external-hours");
            ledgerHead.add(record);
        }
        panel.add(ledgerHead, ledgerGrid(progress.entries()));
        return panel;
    }

    private Component ledgerGrid(List<HoursEntry> entries) {
        Grid<HoursEntry> grid = new Grid<>();
        grid.setId("ledger-grid");
        grid.addColumn(e -> ChineseDates.format(e.earnedOn(), getLocale()))
                .setHeader(getTranslation("detail.earnedOn")).setAutoWidth(true);
        grid.addColumn(HoursEntry::title).setHeader(getTranslation("detail.entryTitle")).setFlexGrow(1);
        grid.addColumn(e -> getTranslation(e.source().messageKey())).setHeader(getTranslation("detail.source")).setAutoWidth(true);
        grid.addColumn(e -> HoursText.plain(e.hours())).setHeader(getTranslation("detail.hours")).setAutoWidth(true);
        grid.addComponentColumn(this::evidenceLink).setHeader(getTranslation("external.evidence")).setAutoWidth(true);
        grid.setItems(entries);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("detail.noEntries"));
        return grid;
    }

    private Component evidenceLink(HoursEntry entry) {
        if (!entry.source().external()) {
            return new Span();
        }
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            var evidence = externalHours.evidence(entry.id()).orElseThrow();
            return new DownloadResponse(new ByteArrayInputStream(evidence.content()), evidence.fileName(),
                    evidence.contentType(), evidence.content().length);
        }), getTranslation("detail.download"));
        link.setRouterIgnore(true);
        return link;
    }

    private Component registrationsPanel(List<MyLecture> all) {
        Grid<MyLecture> grid = new Grid<>();
        grid.setId("registrations-grid");
        grid.addColumn(m -> ChineseDates.format(m.lecture().startsAt(), getLocale()))
                .setHeader(getTranslation("detail.lectureTime"))
                .setAutoWidth(true);
        grid.addColumn(m -> m.lecture().courseTitle()).setHeader(getTranslation("detail.course")).setFlexGrow(1);
        grid.addComponentColumn(m -> stateBadge(m.lecture().id()))
                .setHeader(getTranslation("detail.status")).setAutoWidth(true);
        grid.setItems(all);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("detail.noRegistrations"));
        return new VerticalLayout(new H3(getTranslation("detail.registrations")), grid);
    }

    private Component stateBadge(long lectureId) {
        LectureState state = lectureStates.get(lectureId);
        return state == null ? new Span() : new LectureStateBadge(state);
    }

    private Component attendancePanel(List<TraineeAttendance> marks) {
        Grid<TraineeAttendance> grid = new Grid<>();
        grid.setId("attendance-grid");
        grid.addColumn(TraineeAttendance::courseTitle).setHeader(getTranslation("detail.course")).setFlexGrow(1);
        grid.addColumn(a -> ChineseDates.format(a.startsAt(), getLocale()))
                .setHeader(getTranslation("detail.lectureTime")).setAutoWidth(true);
        grid.addComponentColumn(a -> stateBadge(a.lectureId())).setHeader(getTranslation("detail.status"))
                .setAutoWidth(true);
        grid.addColumn(a -> getTranslation(a.status().messageKey())
                        + (a.method() == null ? "" : " · " + getTranslation(a.method().messageKey())))
                .setHeader(getTranslation("detail.attendanceMark")).setAutoWidth(true);
        grid.setItems(marks);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("detail.noAttendance"));
        return new VerticalLayout(new H3(getTranslation("detail.attendance")), grid);
    }

    private Component certificatesPanel() {
        LocalDate today = LocalDate.now(clock);
        Grid<Certificate> grid = new Grid<>();
        grid.setId("certificates-grid");
        grid.addColumn(Certificate::serial).setHeader(getTranslation("detail.certificateSerial")).setAutoWidth(true);
        grid.addColumn(c -> c.title() + " · " + getTranslation(c.kind().messageKey()))
                .setHeader(getTranslation("detail.certificateTitle")).setFlexGrow(1);
        grid.addColumn(c -> ChineseDates.format(c.issuedOn(), getLocale()))
                .setHeader(getTranslation("detail.certificateIssued")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation(c.status(today).messageKey()))
                .setHeader(getTranslation("detail.status")).setAutoWidth(true);
        grid.setItems(certificates.ofTrainee(trainee.id()));
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("detail.noCertificates"));
        return new VerticalLayout(new H3(getTranslation("detail.certificates")), grid);
    }

    private void openEditor() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("detail.edit"));
        String root = user.is(Role.COORDINATOR) ? user.regionCode() : regions.home().code();
        TraineeEdit edit;
        try {
            edit = trainees.editData(trainee.id());
        } catch (RuntimeException e) {
            Notifications.error(UserMessages.describe(this, e));
            return;
        }
        TraineeForm form = new TraineeForm(regions, root, edit);
        form.profile.regionCode.setValue(edit.getRegionCode());
        form.addSaveListener((FormSaveEvent<TraineeEdit> e) -> {
            try {
                trainees.update(trainee.id(), e.data());
                trainee = trainees.get(trainee.id());
                dialog.close();
                Notifications.success(getTranslation("detail.saved"));
                render();
            } catch (RuntimeException error) {
                form.showError(error);
            }
        });
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        dialog.add(form);
        dialog.getFooter().add(cancel, form.save);
        dialog.setWidth("min(48em, 100vw)");
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return (trainee == null ? "" : trainee.name() + " | ") + getTranslation("app.name");
    }
}
