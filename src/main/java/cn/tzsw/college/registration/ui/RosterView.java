package cn.tzsw.college.registration.ui;

import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.registration.RegistrationStatus;
import cn.tzsw.college.registration.RosterEntry;
import cn.tzsw.college.registration.RosterExport;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.shared.LectureState;
import cn.tzsw.college.shared.LectureStates;
import cn.tzsw.college.trainees.TraineeService;
import cn.tzsw.college.ui.GridColumns;
import cn.tzsw.college.ui.LectureStateBadge;
import cn.tzsw.college.ui.Notifications;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.data.domain.PageRequest;

/**
 * One lecture's roster for the administrators: seat holders, the waitlist and cancellations, searched by name or
 * the end of a number; remove someone or cancel the chosen ones at once, add someone by hand, download the whole
 * list (Excel or CSV) or the chosen lines (Excel).
 */
@Route("admin/lectures/:lectureId/roster")
@RolesAllowed(Role.Names.ADMIN)
class RosterView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final List<RegistrationStatus> SHOWN = List.of(RegistrationStatus.REGISTERED,
            RegistrationStatus.WAITLISTED, RegistrationStatus.CANCELLED);

    private final RegistrationService registrations;
    private final TraineeService trainees;
    private final CatalogService catalog;
    private final RegionService regions;
    private final RosterExport export;
    private final LectureStates states;
    /** The state of each trainee on the pages fetched so far: the grid asks once per page. */
    private final Map<Long, LectureState> pageStates = new HashMap<>();
    private final Map<String, String> regionNames = new HashMap<>();
    private final H2 heading = new H2();
    private final Span details = new Span();
    private final Tabs tabs = new Tabs();
    private final Map<RegistrationStatus, Tab> tabByStatus = new EnumMap<>(RegistrationStatus.class);
    private final Grid<RosterEntry> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Span selectedCount = new Span();
    private final Button bulkRemove = new Button();
    private final Anchor exportSelected = downloadLink("selected");
    /** The chosen registrations, read by the export's download request (which runs outside the UI's lock). */
    private volatile List<Long> chosen = List.of();

    private final Anchor xlsx = downloadLink("xlsx");
    private final Anchor csv = downloadLink("csv");
    private LectureInfo lecture;
    private RegistrationStatus shown = RegistrationStatus.REGISTERED;

    RosterView(RegistrationService registrations, TraineeService trainees, CatalogService catalog,
               RegionService regions, RosterExport export, LectureStates states) {
        this.registrations = registrations;
        this.trainees = trainees;
        this.catalog = catalog;
        this.regions = regions;
        this.export = export;
        this.states = states;
        setSizeFull();
        details.addClassName("roster-details");

        for (RegistrationStatus status : SHOWN) {
            Tab tab = new Tab();
            tab.setId("roster-tab-" + status.name());
            tabByStatus.put(status, tab);
            tabs.add(tab);
        }
        tabs.addSelectedChangeListener(e -> {
            shown = tabByStatus.entrySet().stream().filter(t -> t.getValue() == e.getSelectedTab())
                    .map(Map.Entry::getKey).findFirst().orElse(RegistrationStatus.REGISTERED);
            showAfresh();
        });

        search.setPlaceholder(getTranslation("roster.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("roster-search");
        search.addClassName("roster-search");
        search.addValueChangeListener(e -> {
            showAfresh();
            updateCounts();
        });

        grid.setId("roster-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addSelectionListener(e -> showSelection());
        grid.addColumn(RosterEntry::name).setHeader(getTranslation("roster.column.name")).setAutoWidth(true);
        grid.addComponentColumn(r -> pageStates.containsKey(r.traineeId())
                        ? new LectureStateBadge(pageStates.get(r.traineeId())) : new Span())
                .setHeader(getTranslation("lectureState.column")).setAutoWidth(true);
        // Phone above ID number in one column: both masked, both short enough to read at a glance.
        grid.addColumn(GridColumns.twoLines(RosterEntry::maskedPhone, RosterEntry::maskedIdNumber))
                .setHeader(getTranslation("roster.column.phone") + " / " + getTranslation("roster.column.idNumber"))
                .setAutoWidth(true);
        // Work units and region paths are long: they share the room left over (in full on hover), so a laptop
        // needs no sideways scroll.
        Grid.Column<RosterEntry> workUnit = grid.addColumn(RosterEntry::workUnit)
                .setHeader(getTranslation("roster.column.workUnit")).setWidth("7rem")
                .setTooltipGenerator(RosterEntry::workUnit);
        Grid.Column<RosterEntry> region = grid.addColumn(r -> regionNames.computeIfAbsent(r.regionCode(), regions::displayPath))
                .setHeader(getTranslation("roster.column.region")).setWidth("7rem")
                .setTooltipGenerator(r -> regionNames.computeIfAbsent(r.regionCode(), regions::displayPath));
        grid.addColumn(r -> ChineseDates.format(r.queuedAt(), getLocale()))
                .setHeader(getTranslation("roster.column.queuedAt"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.byAdmin() ? getTranslation("roster.byAdmin.yes") : "")
                .setHeader(getTranslation("roster.column.byAdmin")).setWidth("6rem");
        grid.addComponentColumn(this::removeButton).setAutoWidth(true).setFrozenToEnd(true);
        GridColumns.onlyGrow(grid, workUnit, region);

        Button add = new Button(getTranslation("roster.add.title"), VaadinIcon.PLUS.create(),
                e -> new AddTraineeDialog(lecture.id(), registrations, trainees, regions, this::refresh).open());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("roster-add");
        Button back = new Button(getTranslation("roster.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("admin/courses")));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        Button attendance = new Button(getTranslation("lecture.attendance"), VaadinIcon.CHECK_SQUARE_O.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("admin/lectures/" + lecture.id() + "/attendance")));
        attendance.setId("roster-attendance");
        FlexLayout toolbar = new FlexLayout(add, attendance, xlsx, csv, back);
        toolbar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        toolbar.addClassName("filters");

        bulkRemove.setText(getTranslation("roster.bulk.remove"));
        bulkRemove.setIcon(VaadinIcon.BAN.create());
        bulkRemove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        bulkRemove.setId("roster-bulk-remove");
        bulkRemove.addClickListener(e -> confirmBulkRemove());
        selectedCount.setId("roster-selection");
        selectedCount.addClassName("roster-details");
        FlexLayout bulk = new FlexLayout(search, selectedCount, bulkRemove, exportSelected);
        bulk.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bulk.setAlignItems(Alignment.CENTER);
        bulk.addClassName("filters");
        add(heading, details, toolbar, tabs, bulk, grid);
        setFlexGrow(1, grid);
        showSelection();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long lectureId;
        try {
            lectureId = Long.parseLong(event.getRouteParameters().get("lectureId").orElse(""));
        } catch (NumberFormatException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        LectureInfo found = catalog.find(lectureId).orElse(null);
        if (found == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        // Another organiser's lecture: the service refuses, and the router shows the access-denied page.
        registrations.roster(lectureId, Set.of(RegistrationStatus.REGISTERED), "", PageRequest.of(0, 1));
        lecture = found;
        heading.setText(getTranslation("roster.title", lecture.courseTitle()));
        details.setText(getTranslation("roster.details", ChineseDates.format(lecture.startsAt(), getLocale()),
                lecture.venue() != null ? lecture.venue() : getTranslation("courseAdmin.lecture.online"),
                lecture.capacity()));
        xlsx.setHref(downloadHandler(lectureId, "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export::xlsx), AttachmentType.DOWNLOAD);
        csv.setHref(downloadHandler(lectureId, "csv", "text/csv; charset=UTF-8", export::csv), AttachmentType.DOWNLOAD);
        exportSelected.setHref(DownloadHandler.fromInputStream(download -> {
            UI ui = download.getUI();
            byte[] file = export.xlsx(registrations.rosterEntries(lectureId, chosen), key -> ui.getTranslation(key));
            return new DownloadResponse(new ByteArrayInputStream(file), "roster-" + lectureId + "-selected.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.length);
        }), AttachmentType.DOWNLOAD);
        shown = RegistrationStatus.REGISTERED;
        tabs.setSelectedTab(tabByStatus.get(shown));
        grid.setItems(query -> {
            List<RosterEntry> page = registrations.roster(lecture.id(), Set.of(shown), search.getValue(),
                    VaadinSpringDataHelpers.toSpringPageRequest(query)).getContent();
            pageStates.putAll(states.ofLecture(lecture.id(), page.stream().map(RosterEntry::traineeId).toList()));
            return page.stream();
        });
        updateCounts();
    }

    private Anchor downloadLink(String extension) {
        Anchor anchor = new Anchor();
        anchor.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(getTranslation("roster.download." + extension)));
        anchor.addClassName("download-link");
        anchor.setId("roster-" + extension);
        return anchor;
    }

    /** The file is built when the link is followed, so it holds the roster of that moment. */
    private DownloadHandler downloadHandler(long lectureId, String extension, String contentType,
                                            BiFunction<List<RosterEntry>, Function<String, String>, byte[]> format) {
        return DownloadHandler.fromInputStream(event -> {
            UI ui = event.getUI();
            byte[] file = format.apply(registrations.fullRoster(lectureId), key -> ui.getTranslation(key));
            return new DownloadResponse(new ByteArrayInputStream(file), "roster-" + lectureId + "." + extension,
                    contentType, file.length);
        });
    }

    private Button removeButton(RosterEntry entry) {
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> confirmRemove(entry));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        remove.setAriaLabel(getTranslation("roster.remove"));
        remove.addClassName("roster-remove");
        remove.setVisible(entry.status() != RegistrationStatus.CANCELLED);
        return remove;
    }

    private void confirmRemove(RosterEntry entry) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("roster.remove"));
        confirm.setText(getTranslation(entry.status() == RegistrationStatus.REGISTERED ? "roster.remove.textRegistered"
                : "roster.remove.textWaitlisted", entry.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("roster.remove"));
        confirm.setConfirmButtonTheme("error primary");
        // A refusal thrown here reaches the user through the app's error handler, as a notification.
        confirm.addConfirmListener(e -> {
            registrations.removeByAdmin(entry.registrationId());
            Notifications.success(getTranslation("roster.removed", entry.name()));
            refresh();
        });
        confirm.open();
    }

    private void confirmBulkRemove() {
        List<Long> ids = chosen;
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("roster-bulk-confirm");
        confirm.setHeader(getTranslation("roster.bulk.remove.header"));
        confirm.setText(getTranslation("roster.bulk.remove.text", ids.size()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("roster.bulk.remove"));
        confirm.setConfirmButtonTheme("error primary");
        // A refusal thrown here reaches the user through the app's error handler, as a notification.
        confirm.addConfirmListener(e -> {
            int removed = registrations.removeAllByAdmin(lecture.id(), ids);
            Notifications.success(getTranslation("roster.bulk.removed", removed));
            refresh();
        });
        confirm.open();
    }

    /** A new tab or search shows other people: nobody stays chosen unseen. */
    private void showAfresh() {
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
    }

    private void showSelection() {
        chosen = grid.getSelectedItems().stream().map(RosterEntry::registrationId).toList();
        selectedCount.setText(getTranslation("roster.bulk.selected", chosen.size()));
        boolean active = grid.getSelectedItems().stream().anyMatch(entry -> entry.status().isActive());
        bulkRemove.setEnabled(active);
        exportSelected.setEnabled(!chosen.isEmpty());
    }

    private void refresh() {
        showAfresh();
        updateCounts();
    }

    private void updateCounts() {
        for (RegistrationStatus status : SHOWN) {
            long count = registrations.roster(lecture.id(), Set.of(status), search.getValue(), PageRequest.of(0, 1))
                    .getTotalElements();
            tabByStatus.get(status).setLabel(getTranslation("roster.tab", getTranslation(status.messageKey()), count));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("roster.pageTitle") + " | " + getTranslation("app.name");
    }
}
