package cn.tzsw.college.reporting.ui;

import cn.tzsw.college.regions.Region;
import cn.tzsw.college.reporting.ProgressReport;
import cn.tzsw.college.reporting.ProgressReportExport;
import cn.tzsw.college.reporting.ProgressReports;
import cn.tzsw.college.reporting.ReportPeriod;
import cn.tzsw.college.reporting.TraineeFigures;
import cn.tzsw.college.reporting.UnitFigures;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.CurrentUser;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.ui.DatePickerTexts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Progress of the trainees by unit, one tier at a time: the caller's unit (a coordinator's own, else the college's
 * home) with its child units one tier down; a row drills down, the breadcrumb goes back up, a village lists its
 * trainees. The unit and period live in the address (?region=…&year=… or &from=…&to=…) so a view can be shared
 * and reloaded; the service refuses units outside the caller's subtree.
 */
@Route("reports")
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
@Menu(title = "nav.reports", order = 25, icon = "vaadin:chart")
class ProgressReportView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ECHARTS = "/webjars/echarts/5.3.1/dist/echarts.min.js";
    /** The choice in the period select that shows the two date pickers. */
    private static final int RANGE = 0;

    private final ProgressReports reports;
    private final ProgressReportExport export;
    private final Clock clock;
    private final String home;

    private final FlexLayout breadcrumb = new FlexLayout();
    private final Select<Integer> periodSelect = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Span summary = new Span();
    private final Grid<UnitFigures> units = new Grid<>();
    private final Grid<TraineeFigures> trainees = new Grid<>();
    private final Div chart = new Div();
    private final Anchor xlsx = downloadLink("xlsx");
    private final Anchor pdf = downloadLink("pdf");
    private final List<Grid.Column<UnitFigures>> unitColumns = new ArrayList<>();
    private FooterRow footer;

    private ProgressReport report;
    private boolean updating;

    ProgressReportView(ProgressReports reports, ProgressReportExport export, AuthenticatedUser authenticatedUser,
                       Clock clock) {
        this.reports = reports;
        this.export = export;
        this.clock = clock;
        CurrentUser user = authenticatedUser.require();
        this.home = reports.startingUnit(user.is(Role.COORDINATOR) ? user.regionCode() : null);
        setSizeFull();

        breadcrumb.setId("report-breadcrumb");
        breadcrumb.addClassName("report-breadcrumb");

        int thisYear = LocalDate.now(clock).getYear();
        List<Integer> choices = new ArrayList<>(IntStream.rangeClosed(0, 5).map(i -> thisYear - i).boxed().toList());
        choices.add(RANGE);
        periodSelect.setItems(choices);
        periodSelect.setItemLabelGenerator(y -> y == RANGE ? getTranslation("report.period.range")
                : getTranslation("report.period.year", String.valueOf(y)));
        periodSelect.setLabel(getTranslation("report.period"));
        periodSelect.setId("report-period");
        from.setLabel(getTranslation("report.period.from"));
        to.setLabel(getTranslation("report.period.to"));
        from.setI18n(DatePickerTexts.i18n());
        to.setI18n(DatePickerTexts.i18n());
        from.setId("report-from");
        to.setId("report-to");
        periodSelect.addValueChangeListener(e -> {
            if (!updating) {
                if (e.getValue() == RANGE) {
                    LocalDate today = LocalDate.now(clock);
                    updating = true;
                    from.setValue(today.withDayOfYear(1));
                    to.setValue(today);
                    updating = false;
                }
                navigate(report.region().code(), period());
            }
        });
        from.addValueChangeListener(e -> rangeChanged());
        to.addValueChangeListener(e -> rangeChanged());

        FlexLayout toolbar = new FlexLayout(periodSelect, from, to, xlsx, pdf);
        toolbar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        toolbar.setAlignItems(Alignment.BASELINE);
        toolbar.addClassName("filters");

        configureUnitGrid();
        configureTraineeGrid();
        chart.setId("report-chart");
        chart.addClassName("report-chart");
        chart.setWidthFull();
        chart.setHeight("320px");
        summary.setId("report-summary");
        summary.addClassName("report-summary");

        Details help = new Details(getTranslation("report.help.title"));
        help.setId("report-help");
        help.add(new Paragraph(getTranslation("report.help.hours")), new Paragraph(getTranslation("report.help.active")),
                new Paragraph(getTranslation("report.help.compliance")),
                new Paragraph(getTranslation("report.help.coverage")), new Paragraph(getTranslation("report.help.scope")));

        add(new H2(getTranslation("report.title")), breadcrumb, toolbar, summary, units, trainees, chart, help);
        setFlexGrow(1, trainees);
    }

    private void configureUnitGrid() {
        units.setId("report-grid");
        units.setSelectionMode(Grid.SelectionMode.NONE);
        // A unit has at most a few dozen children: show them all, the chart follows below.
        units.setAllRowsVisible(true);
        unitColumns.add(units.addColumn(row -> row.direct() ? getTranslation("report.direct", row.name()) : row.name())
                .setHeader(getTranslation("report.column.unit")).setAutoWidth(true).setFlexGrow(1));
        addNumber(row -> String.valueOf(row.trainees()), "report.column.trainees");
        addNumber(row -> String.valueOf(row.activeTrainees()), "report.column.active");
        addNumber(row -> row.hours().toPlainString(), "report.column.hours");
        addNumber(row -> row.averageHours().toPlainString(), "report.column.averageHours");
        addNumber(row -> String.valueOf(row.lectures()), "report.column.lectures");
        addNumber(row -> ProgressReportExport.percent(row.complianceRate()), "report.column.compliance");
        addNumber(row -> ProgressReportExport.percent(row.coverage()), "report.column.coverage");
        footer = units.appendFooterRow();
        units.setPartNameGenerator(row -> row.direct() ? null : "drillable");
        units.addItemClickListener(e -> {
            if (!e.getItem().direct()) {
                navigate(e.getItem().code(), report.period());
            }
        });
    }

    private void addNumber(Function<UnitFigures, String> value, String headerKey) {
        unitColumns.add(units.addColumn(value::apply).setHeader(getTranslation(headerKey))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true));
    }

    private void configureTraineeGrid() {
        trainees.setId("report-trainees");
        trainees.addColumn(TraineeFigures::name).setHeader(getTranslation("report.trainee.name")).setAutoWidth(true);
        trainees.addColumn(TraineeFigures::maskedIdNumber).setHeader(getTranslation("report.trainee.idNumber"))
                .setAutoWidth(true);
        trainees.addColumn(t -> getTranslation(t.level().messageKey())).setHeader(getTranslation("report.trainee.level"))
                .setAutoWidth(true);
        trainees.addColumn(t -> t.hours().toPlainString()).setHeader(getTranslation("report.column.hours"))
                .setTextAlign(ColumnTextAlign.END);
        trainees.addColumn(TraineeFigures::lectures).setHeader(getTranslation("report.column.lectures"))
                .setTextAlign(ColumnTextAlign.END);
        trainees.addColumn(t -> t.earnedInRegistrationPeriod().toPlainString())
                .setHeader(getTranslation("report.trainee.earned")).setTextAlign(ColumnTextAlign.END);
        trainees.addColumn(t -> getTranslation(t.status().messageKey())).setHeader(getTranslation("report.trainee.status"))
                .setAutoWidth(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        String region = first(query, "region");
        ReportPeriod period = periodFrom(query);
        // A unit outside the caller's subtree (or none at all): the service refuses, the router shows the
        // access-denied page, with the same words either way.
        report = reports.report(region == null ? home : region, period);
        show();
    }

    private void show() {
        updating = true;
        try {
            ReportPeriod period = report.period();
            int year = period.calendarYear();
            boolean listed = periodSelect.getListDataView().getItems().anyMatch(y -> y == year);
            periodSelect.setValue(year != 0 && listed ? year : RANGE);
            from.setVisible(periodSelect.getValue() == RANGE);
            to.setVisible(periodSelect.getValue() == RANGE);
            from.setValue(period.from());
            to.setValue(period.to());
        } finally {
            updating = false;
        }
        showBreadcrumb();
        UnitFigures total = report.total();
        summary.setText(getTranslation("report.summary", ChineseDates.format(report.period().from(), getLocale()),
                ChineseDates.format(report.period().to(), getLocale()), total.trainees(), total.activeTrainees(),
                total.hours().toPlainString(), ProgressReportExport.percent(total.complianceRate()),
                ChineseDates.format(report.asOf(), getLocale())));
        boolean village = report.listsTrainees();
        units.setVisible(!village);
        trainees.setVisible(village);
        chart.setVisible(!village);
        String code = report.region().code();
        ReportPeriod period = report.period();
        if (village) {
            trainees.setItems(query -> reports.trainees(code, period, query.getOffset(), query.getLimit()).stream(),
                    query -> reports.traineeCount(code));
        } else {
            units.setItems(report.rows());
            List<String> totals = ProgressReportExport.unitRow(total, this::getTranslation);
            for (int i = 0; i < unitColumns.size(); i++) {
                footer.getCell(unitColumns.get(i)).setText(i == 0 ? getTranslation("report.total") : totals.get(i));
            }
            drawChart();
        }
        String name = "report-" + code + "-" + period.from() + "_" + period.to();
        xlsx.setHref(download(name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                text -> export.xlsx(code, period, text)), AttachmentType.DOWNLOAD);
        pdf.setHref(download(name + ".pdf", "application/pdf", text -> export.pdf(code, period, text)),
                AttachmentType.DOWNLOAD);
    }

    private void showBreadcrumb() {
        breadcrumb.removeAll();
        List<Region> path = report.breadcrumb();
        for (int i = 0; i < path.size(); i++) {
            Region unit = path.get(i);
            if (i > 0) {
                breadcrumb.add(new Span("/"));
            }
            if (i == path.size() - 1) {
                Span current = new Span(unit.name());
                current.addClassName("current");
                breadcrumb.add(current);
            } else {
                Button up = new Button(unit.name(), e -> navigate(unit.code(), report.period()));
                up.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                breadcrumb.add(up);
            }
        }
    }

    /**
     * Bars for the hours per trainee, lines for the shares (active trainees, compliance rate, coverage), so that units
     * of any size compare on one chart (ECharts, loaded at run time from its WebJar).
     */
    private void drawChart() {
        Map<String, Object> data = new LinkedHashMap<>();
        List<UnitFigures> rows = report.rows().stream().filter(r -> !r.direct()).toList();
        data.put("units", rows.stream().map(UnitFigures::name).toList());
        data.put("average", rows.stream().map(r -> r.averageHours().doubleValue()).toList());
        data.put("active", rows.stream().map(r -> percentValue(r.trainees() == 0 ? null
                : (double) r.activeTrainees() / r.trainees())).toList());
        data.put("compliance", rows.stream().map(r -> percentValue(r.complianceRate())).toList());
        data.put("coverage", rows.stream().map(r -> percentValue(r.coverage())).toList());
        data.put("labels", Map.of("average", getTranslation("report.column.averageHours"),
                "active", getTranslation("report.chart.activeShare"),
                "compliance", getTranslation("report.column.compliance"),
                "coverage", getTranslation("report.column.coverage")));
        String json = JsonMapper.shared().writeValueAsString(data);
        UI.getCurrent().getPage().addJavaScript(ECHARTS);
        chart.getElement().executeJs("""
                const el = this, d = JSON.parse($0);
                const draw = (tries) => {
                  if (!window.echarts) { if (tries > 0) setTimeout(() => draw(tries - 1), 100); return; }
                  if (el.clientWidth === 0) { if (tries > 0) setTimeout(() => draw(tries - 1), 100); return; }
                  const c = echarts.getInstanceByDom(el) || echarts.init(el);
                  c.setOption({
                    tooltip: {trigger: 'axis'},
                    legend: {top: 0},
                    grid: {left: 50, right: 50, top: 40, bottom: 70},
                    xAxis: {type: 'category', data: d.units, axisLabel: {rotate: d.units.length > 8 ? 40 : 0, interval: 0}},
                    yAxis: [{type: 'value'}, {type: 'value', max: 100, axisLabel: {formatter: '{value}%'}}],
                    series: [
                      {name: d.labels.average, type: 'bar', data: d.average},
                      {name: d.labels.active, type: 'line', yAxisIndex: 1, data: d.active},
                      {name: d.labels.compliance, type: 'line', yAxisIndex: 1, data: d.compliance},
                      {name: d.labels.coverage, type: 'line', yAxisIndex: 1, data: d.coverage}
                    ]
                  }, true);
                  c.resize();
                  el.dataset.rendered = String(d.units.length);
                  if (!el._resize) { el._resize = () => c.resize(); window.addEventListener('resize', el._resize); }
                };
                draw(100);""", json);
    }

    private static Double percentValue(Double share) {
        return share == null ? null : Math.round(share * 1000) / 10.0;
    }

    private void rangeChanged() {
        if (updating || periodSelect.getValue() == null || periodSelect.getValue() != RANGE
                || from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
            return;
        }
        navigate(report.region().code(), period());
    }

    private ReportPeriod period() {
        Integer year = periodSelect.getValue();
        if (year == null || year != RANGE) {
            return ReportPeriod.year(year == null ? LocalDate.now(clock).getYear() : year);
        }
        return new ReportPeriod(from.getValue(), to.getValue());
    }

    private void navigate(String region, ReportPeriod period) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("region", region);
        if (period.calendarYear() != 0) {
            query.put("year", String.valueOf(period.calendarYear()));
        } else {
            query.put("from", period.from().toString());
            query.put("to", period.to().toString());
        }
        UI.getCurrent().navigate(ProgressReportView.class, QueryParameters.simple(query));
    }

    /**
     * The year (default: this year) or the range the address names; nonsense, and years outside those a report can
     * be about ({@link ReportPeriod#plausibleOn}), fall back to this year.
     */
    private ReportPeriod periodFrom(Map<String, List<String>> query) {
        LocalDate today = LocalDate.now(clock);
        ReportPeriod thisYear = ReportPeriod.year(today.getYear());
        try {
            String year = first(query, "year");
            String start = first(query, "from");
            String end = first(query, "to");
            ReportPeriod asked = year != null ? ReportPeriod.year(Integer.parseInt(year))
                    : start != null && end != null ? new ReportPeriod(LocalDate.parse(start), LocalDate.parse(end))
                    : thisYear;
            return asked.plausibleOn(today) ? asked : thisYear;
        } catch (DateTimeException | IllegalArgumentException e) {
            // not a year, not dates, or an inverted or overlong range: the default period
            return thisYear;
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.getFirst().isBlank() ? null : values.getFirst();
    }

    private Anchor downloadLink(String extension) {
        Anchor anchor = new Anchor();
        anchor.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(getTranslation("report.download." + extension)));
        anchor.addClassName("download-link");
        anchor.setId("report-" + extension);
        return anchor;
    }

    /** The file is built when the link is followed, through the same scoped service as the screen. */
    private DownloadHandler download(String fileName, String contentType, Function<Function<String, String>, byte[]> file) {
        return DownloadHandler.fromInputStream(event -> {
            UI ui = event.getUI();
            byte[] bytes = file.apply(ui::getTranslation);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType, bytes.length);
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("report.title") + " | " + getTranslation("app.name");
    }
}
