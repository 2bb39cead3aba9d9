package cn.tzsw.college.catalog.ui;

import cn.tzsw.college.catalog.CatalogQuery;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.Category;
import cn.tzsw.college.catalog.CourseFormat;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.regions.Region;
import cn.tzsw.college.regions.RegionService;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** The public catalogue: anyone can browse; signed-in trainees register from a lecture's page. */
@Route("catalog")
@AnonymousAllowed
@Menu(title = "nav.catalog", order = 10, icon = "vaadin:open-book")
class CatalogView extends VerticalLayout implements HasDynamicTitle {

    private final TextField text = new TextField();
    private final ComboBox<Category> category = new ComboBox<>();
    private final Select<CourseFormat> format = new Select<>();
    private final ComboBox<YearMonth> month = new ComboBox<>();
    private final ComboBox<Region> organiser = new ComboBox<>();
    private final Checkbox freeSeats = new Checkbox();

    CatalogView(CatalogService catalog, RegionService regions, Clock clock) {
        setSizeFull();
        addClassName("catalog-view");
        text.setPlaceholder(getTranslation("catalog.search"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setId("catalog-search");
        // Wide enough for the whole placeholder in either language, never wider than a phone.
        text.setWidth("min(24em, 100%)");
        category.setPlaceholder(getTranslation("catalog.category"));
        category.setItems(catalog.categories());
        category.setItemLabelGenerator(c -> c.name(getLocale()));
        category.setClearButtonVisible(true);
        format.setPlaceholder(getTranslation("catalog.format"));
        format.setItems(CourseFormat.values());
        format.setEmptySelectionAllowed(true);
        format.setEmptySelectionCaption(getTranslation("catalog.allFormats"));
        format.setItemLabelGenerator(f -> f == null ? getTranslation("catalog.allFormats") : getTranslation(f.messageKey()));
        YearMonth thisMonth = YearMonth.now(clock);
        month.setPlaceholder(getTranslation("catalog.month"));
        month.setItems(IntStream.range(0, 12).mapToObj(thisMonth::plusMonths).toList());
        month.setItemLabelGenerator(m -> getTranslation("catalog.monthLabel", m.getYear(), m.getMonthValue()));
        month.setClearButtonVisible(true);
        List<Region> organisers = new ArrayList<>();
        organisers.add(regions.home());
        organisers.addAll(regions.children(regions.home().code()));
        organiser.setPlaceholder(getTranslation("catalog.organiser"));
        organiser.setItems(organisers);
        organiser.setItemLabelGenerator(Region::name);
        organiser.setClearButtonVisible(true);
        freeSeats.setLabel(getTranslation("catalog.freeSeats"));
        freeSeats.setId("catalog-free-seats");

        Grid<LectureInfo> lectures = new Grid<>();
        lectures.setId("catalog-grid");
        lectures.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_NO_ROW_BORDERS);
        lectures.addColumn(new ComponentRenderer<>(lecture -> new LectureCard(lecture, LocalDateTime.now(clock))));
        lectures.setItems(query -> catalog.search(query(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        lectures.setEmptyStateText(getTranslation("catalog.empty"));
        text.addValueChangeListener(e -> lectures.getDataProvider().refreshAll());
        category.addValueChangeListener(e -> lectures.getDataProvider().refreshAll());
        format.addValueChangeListener(e -> lectures.getDataProvider().refreshAll());
        month.addValueChangeListener(e -> lectures.getDataProvider().refreshAll());
        organiser.addValueChangeListener(e -> lectures.getDataProvider().refreshAll());
        freeSeats.addValueChangeListener(e -> lectures.getDataProvider().refreshAll());

        FlexLayout filters = new FlexLayout(text, category, format, month, organiser, freeSeats);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName("filters");
        add(new H2(getTranslation("catalog.title")), filters, lectures);
        setFlexGrow(1, lectures);
    }

    private CatalogQuery query() {
        return new CatalogQuery(text.getValue(), category.getValue() == null ? null : category.getValue().id(),
                format.getValue(), month.getValue(), organiser.getValue() == null ? null : organiser.getValue().code(),
                freeSeats.getValue());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("catalog.title") + " | " + getTranslation("app.name");
    }
}
