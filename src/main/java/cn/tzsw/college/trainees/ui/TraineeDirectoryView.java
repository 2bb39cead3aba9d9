package cn.tzsw.college.trainees.ui;

import cn.tzsw.college.regions.RegionLevel;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.CurrentUser;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.trainees.TraineeService;
import cn.tzsw.college.trainees.TraineeSummary;
import cn.tzsw.college.ui.RegionPicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.Map;

/** The trainees the caller may see (a coordinator: their subtree only), searched and paged lazily. */
@Route("trainees")
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
@Menu(title = "nav.trainees", order = 20, icon = "vaadin:users")
class TraineeDirectoryView extends VerticalLayout implements HasDynamicTitle {

    private final Map<String, String> regionNames = new HashMap<>();

    TraineeDirectoryView(TraineeService trainees, RegionService regions, AuthenticatedUser authenticatedUser) {
        setSizeFull();
        CurrentUser user = authenticatedUser.require();
        String root = user.is(Role.COORDINATOR) ? user.regionCode() : regions.home().code();

        TextField search = new TextField();
        search.setPlaceholder(getTranslation("trainees.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("trainee-search");
        RegionPicker region = new RegionPicker(regions, root, RegionLevel.VILLAGE);
        region.setId("trainee-region-filter");

        Grid<TraineeSummary> grid = new Grid<>();
        grid.setId("trainee-grid");
        grid.addColumn(TraineeSummary::name).setHeader(getTranslation("trainee.name")).setAutoWidth(true);
        grid.addColumn(TraineeSummary::maskedIdNumber).setHeader(getTranslation("trainee.idNumber")).setAutoWidth(true);
        grid.addColumn(TraineeSummary::maskedPhone).setHeader(getTranslation("trainee.phone")).setAutoWidth(true);
        grid.addColumn(t -> getTranslation("gender." + t.gender().name())).setHeader(getTranslation("trainee.gender"));
        grid.addColumn(t -> getTranslation(t.certificateLevel().messageKey()))
                .setHeader(getTranslation("trainee.certificateLevel")).setAutoWidth(true);
        grid.addColumn(TraineeSummary::workUnit).setHeader(getTranslation("trainee.workUnit")).setAutoWidth(true);
        grid.addColumn(t -> regionNames.computeIfAbsent(t.regionCode(), regions::displayPath))
                .setHeader(getTranslation("trainee.region")).setFlexGrow(1);
        grid.setItems(query -> trainees.search(search.getValue(), region.getValue(),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());

        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        region.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        FlexLayout filters = new FlexLayout(search, region);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName("filters");
        add(new H2(getTranslation("nav.trainees")), filters, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.trainees") + " | " + getTranslation("app.name");
    }
}
