package cn.tzsw.college.catalog.ui;

import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.CourseAdminService;
import cn.tzsw.college.catalog.CourseData;
import cn.tzsw.college.catalog.CourseStatus;
import cn.tzsw.college.catalog.CourseSummary;
import cn.tzsw.college.regions.Region;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.HoursText;
import cn.tzsw.college.ui.FormErrors;
import cn.tzsw.college.ui.GridColumns;
import cn.tzsw.college.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Administrators build the catalogue: courses, their categories, and (below the list) each course's lectures. */
@Route("admin/courses")
@RolesAllowed(Role.Names.ADMIN)
@Menu(title = "nav.courses", order = 40, icon = "vaadin:book")
class CourseAdminView extends VerticalLayout implements HasDynamicTitle {

    private final CourseAdminService courses;
    private final CatalogService catalog;
    private final RegionService regions;
    private final Grid<CourseSummary> grid = new Grid<>();
    private final LecturesPanel lectures;
    private final Map<String, String> organiserNames = new HashMap<>();
    private final Button edit;
    private final Button publish;
    private final Button archive;
    private final Button showLectures;

    CourseAdminView(CourseAdminService courses, CatalogService catalog, RegionService regions, Clock clock) {
        this.courses = courses;
        this.catalog = catalog;
        this.regions = regions;
        this.lectures = new LecturesPanel(courses, regions, clock);
        setSizeFull();

        TextField search = new TextField();
        search.setPlaceholder(getTranslation("courseAdmin.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("course-search");
        Button create = new Button(getTranslation("courseAdmin.new"), VaadinIcon.PLUS.create(), e -> openCourseDialog(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-course");
        edit = new Button(getTranslation("courseAdmin.edit"), VaadinIcon.EDIT.create(),
                e -> selected().ifPresent(this::openCourseDialog));
        edit.setId("edit-course");
        publish = new Button(getTranslation("courseAdmin.publish"), VaadinIcon.CHECK.create(),
                e -> selected().ifPresent(this::publish));
        publish.setId("publish-course");
        archive = new Button(getTranslation("courseAdmin.archive"), VaadinIcon.ARCHIVE.create(),
                e -> selected().ifPresent(this::confirmArchive));
        archive.setId("archive-course");
        showLectures = new Button(getTranslation("courseAdmin.lectures"), VaadinIcon.CALENDAR.create(),
                e -> selected().ifPresent(lectures::show));
        showLectures.setId("show-lectures");
        Button categories = new Button(getTranslation("category.dialog.title"), VaadinIcon.TAGS.create(),
                e -> new CategoriesDialog(courses, catalog, grid.getDataProvider()::refreshAll).open());
        categories.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        categories.setId("categories");

        grid.setId("course-grid");
        // Titles are what one looks for: they take what the other columns leave.
        Grid.Column<CourseSummary> title = grid.addColumn(CourseSummary::title)
                .setHeader(getTranslation("courseAdmin.title")).setWidth("12rem").setTooltipGenerator(CourseSummary::title);
        grid.addColumn(c -> c.category().name(getLocale())).setHeader(getTranslation("courseAdmin.category"))
                .setAutoWidth(true);
        grid.addColumn(c -> HoursText.plain(c.creditHours()))
                .setHeader(getTranslation("courseAdmin.creditHours")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation(c.format().messageKey())).setHeader(getTranslation("courseAdmin.format"))
                .setAutoWidth(true);
        grid.addColumn(c -> organiserNames.computeIfAbsent(c.organiserCode(), code -> regions.get(code).name()))
                .setHeader(getTranslation("courseAdmin.organiser")).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(c -> statusBadge(c.status())))
                .setHeader(getTranslation("courseAdmin.status")).setAutoWidth(true);
        GridColumns.onlyGrow(grid, title);
        grid.setItems(query -> courses.courses(search.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.addSelectionListener(e -> {
            updateButtons();
            // The lecture area follows the selection once it is open.
            if (lectures.isVisible()) {
                lectures.show(e.getFirstSelectedItem().orElse(null));
            }
        });
        grid.addItemDoubleClickListener(e -> openCourseDialog(e.getItem()));
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        FlexLayout toolbar = new FlexLayout(search, create, edit, publish, archive, showLectures, categories);
        toolbar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        toolbar.addClassName("filters");
        grid.setMinHeight("14em");
        add(new H2(getTranslation("nav.courses")), toolbar, grid, lectures);
        setFlexGrow(1, grid);
        updateButtons();
    }

    private Span statusBadge(CourseStatus status) {
        Span badge = new Span(getTranslation(status.messageKey()));
        badge.addClassNames("status-badge", "status-" + status.name().toLowerCase(Locale.ROOT));
        return badge;
    }

    private Optional<CourseSummary> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private void updateButtons() {
        Optional<CourseSummary> course = selected();
        CourseStatus status = course.map(CourseSummary::status).orElse(null);
        edit.setEnabled(course.isPresent());
        publish.setEnabled(status == CourseStatus.DRAFT);
        archive.setEnabled(status != null && status != CourseStatus.ARCHIVED);
        showLectures.setEnabled(course.isPresent());
    }

    private void openCourseDialog(CourseSummary course) {
        List<Region> organisers = courses.organisers();
        CourseData data = course == null ? new CourseData() : courses.edit(course.id());
        if (data.getOrganiserCode() == null) {
            data.setOrganiserCode(organisers.getFirst().code());
        }
        Dialog dialog = new Dialog(getTranslation(course == null ? "courseAdmin.new" : "courseAdmin.edit"));
        dialog.setWidth("min(860px, 100vw)");
        CourseForm form = new CourseForm(data, catalog.categories(), organisers);
        form.addSaveListener(event -> {
            try {
                if (course == null) {
                    courses.createCourse(event.data());
                    Notifications.success(getTranslation("courseAdmin.created", event.data().getTitle()));
                } else {
                    courses.updateCourse(course.id(), event.data());
                    Notifications.success(getTranslation("courseAdmin.saved", event.data().getTitle()));
                }
                dialog.close();
                refreshAfterChange();
            } catch (BusinessRuleException | ConstraintViolationException e) {
                FormErrors.show(form, form.binder(), e);
            }
        });
        dialog.add(form);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        cancel.setId("course-cancel");
        dialog.getFooter().add(cancel, form.saveButton());
        dialog.open();
    }

    private void publish(CourseSummary course) {
        courses.publish(course.id());
        Notifications.success(getTranslation("courseAdmin.published", course.title()));
        refreshAfterChange();
    }

    private void confirmArchive(CourseSummary course) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("courseAdmin.archive.header"));
        confirm.setText(getTranslation("courseAdmin.archive.text", course.title()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("courseAdmin.archive"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            courses.archive(course.id());
            Notifications.success(getTranslation("courseAdmin.archived", course.title()));
            refreshAfterChange();
        });
        confirm.open();
    }

    /** Summaries are records: after a change the grid holds new ones, so selection and lecture area start over. */
    private void refreshAfterChange() {
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
        lectures.show(null);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.courses") + " | " + getTranslation("app.name");
    }
}
