package cn.tzsw.college.tracking.ui;

import cn.tzsw.college.hours.ComplianceStatus;
import cn.tzsw.college.regions.RegionLevel;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.CurrentUser;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.CertificateLevel;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.shared.HoursText;
import cn.tzsw.college.tracking.DirectoryEntry;
import cn.tzsw.college.tracking.DirectoryFilter;
import cn.tzsw.college.tracking.TraineeDirectory;
import cn.tzsw.college.ui.GridColumns;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.Map;

/**
 * The trainees the caller may see (a coordinator: their subtree only), searched by name, phone or ID number and
 * filtered by region at any tier, work unit, certificate level and compliance; paged lazily.
 */
@Route("trainees")
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
@Menu(title = "nav.trainees", order = 20, icon = "vaadin:users")
class TraineeDirectoryView extends VerticalLayout implements HasDynamicTitle {

    private final Map<String, String> regionNames = new HashMap<>();

    TraineeDirectoryView(TraineeDirectory directory, RegionService regions, AuthenticatedUser authenticatedUser) {
        setSizeFull();
        CurrentUser user = authenticatedUser.require();
        String root = user.is(Role.COORDINATOR) ? user.regionCode() : regions.home().code();

        TextField search = new TextField();
        search.setPlaceholder(getTranslation("trainees.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("trainee-search");
        cn.tzsw.college.ui.RegionPicker region = new cn.tzsw.college.ui.RegionPicker(regions, root, RegionLevel.VILLAGE);
        region.setId("trainee-region-filter");
        TextField workUnit = new TextField();
        workUnit.setPlaceholder(getTranslation("trainee.workUnit"));
        workUnit.setValueChangeMode(ValueChangeMode.LAZY);
        workUnit.setClearButtonVisible(true);
        workUnit.setId("trainee-work-unit-filter");
        Select<CertificateLevel> level = new Select<>();
        level.setPlaceholder(getTranslation("trainee.certificateLevel"));
        level.setEmptySelectionAllowed(true);
        level.setEmptySelectionCaption(getTranslation("directory.allLevels"));
        level.setItems(CertificateLevel.values());
        level.setItemLabelGenerator(l -> l == null ? getTranslation("directory.allLevels") : getTranslation(l.messageKey()));
        level.setId("trainee-level-filter");
        Select<ComplianceStatus> compliance = new Select<>();
        compliance.setPlaceholder(getTranslation("directory.compliance"));
        compliance.setEmptySelectionAllowed(true);
        compliance.setEmptySelectionCaption(getTranslation("directory.allCompliance"));
        compliance.setItems(ComplianceStatus.values());
        compliance.setItemLabelGenerator(s -> s == null ? getTranslation("directory.allCompliance")
                : getTranslation(s.messageKey()));
        compliance.setId("trainee-compliance-filter");

        Grid<DirectoryEntry> grid = new Grid<>();
        grid.setId("trainee-grid");
        grid.addColumn(DirectoryEntry::name).setHeader(getTranslation("trainee.name")).setAutoWidth(true).setFrozen(true);
        grid.addColumn(t -> t.periodEnd() == null ? "" : ChineseDates.format(t.periodEnd(), getLocale()))
                .setHeader(getTranslation("directory.periodEnd")).setAutoWidth(true);
        grid.addColumn(t -> t.required().signum() == 0 ? HoursText.plain(t.earned())
                        : HoursText.plain(t.earned()) + " / " + HoursText.plain(t.required()))
                .setHeader(getTranslation("directory.hours")).setAutoWidth(true);
        grid.addComponentColumn(t -> new ComplianceBadge(t.compliance()))
                .setHeader(getTranslation("directory.compliance")).setAutoWidth(true);
        // Phone above ID number in one column, as on the roster: at 1280 px the directory scrolled sideways.
        grid.addColumn(GridColumns.twoLines(DirectoryEntry::maskedPhone, DirectoryEntry::maskedIdNumber))
                .setHeader(getTranslation("trainee.phone") + " / " + getTranslation("trainee.idNumber"))
                .setAutoWidth(true);
        grid.addColumn(t -> getTranslation(t.level().messageKey()))
                .setHeader(getTranslation("trainee.certificateLevel")).setAutoWidth(true);
        Grid.Column<DirectoryEntry> workUnits = grid.addColumn(DirectoryEntry::workUnit)
                .setHeader(getTranslation("trainee.workUnit")).setWidth("7rem")
                .setTooltipGenerator(DirectoryEntry::workUnit);
        ValueProvider<DirectoryEntry, String> regionPath = t -> regionNames.computeIfAbsent(t.regionCode(),
                regions::displayPath);
        Grid.Column<DirectoryEntry> regionPaths = grid.addColumn(regionPath).setHeader(getTranslation("trainee.region"))
                .setWidth("7rem").setTooltipGenerator(regionPath);
        GridColumns.onlyGrow(grid, workUnits, regionPaths);
        grid.setItems(query -> directory.search(new DirectoryFilter(search.getValue(), region.getValue(),
                        workUnit.getValue(), level.getValue(), compliance.getValue()),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(TraineeDetailView.class, e.getItem().id())));

        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        region.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        workUnit.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        level.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        compliance.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        Button importButton = new Button(getTranslation("nav.import"), VaadinIcon.UPLOAD.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("trainees/import")));
        importButton.setId("trainee-import");
        Button renewals = new Button(getTranslation("nav.renewals"), VaadinIcon.BELL.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("renewals")));
        renewals.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(importButton, renewals);

        FlexLayout filters = new FlexLayout(search, region, workUnit, level, compliance);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName("filters");
        HorizontalLayout head = new HorizontalLayout(new H2(getTranslation("nav.trainees")), actions);
        head.setWidthFull();
        head.setJustifyContentMode(JustifyContentMode.BETWEEN);
        head.setAlignItems(Alignment.CENTER);
        head.setWrap(true);
        add(head, filters, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.trainees") + " | " + getTranslation("app.name");
    }
}
