package cn.tzsw.college.hours.ui;

import cn.tzsw.college.hours.HoursEntry;
import cn.tzsw.college.hours.HoursLedger;
import cn.tzsw.college.hours.Progress;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.shared.HoursText;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

/**
 * "我的学时": hours earned in the current registration period against the requirement for the trainee's level,
 * and the lectures behind them.
 */
@Route("my/progress")
@RolesAllowed(Role.Names.TRAINEE)
@Menu(title = "nav.myProgress", order = 16, icon = "vaadin:chart-3d")
class MyProgressView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final HoursLedger ledger;
    private final Clock clock;

    MyProgressView(HoursLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
        addClassName("narrow-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H2(getTranslation("progress.title")));
        Progress progress = ledger.myProgress().orElse(null);
        if (progress == null) {
            add(new Paragraph(getTranslation("progress.noProfile")));
            return;
        }
        Span earned = new Span(getTranslation("progress.earned", hours(progress.earned())));
        earned.setId("progress-earned");
        earned.addClassName("progress-earned");
        if (progress.period() == null) {
            add(earned, new Paragraph(getTranslation("progress.noRequirement")));
        } else {
            ProgressBar bar = new ProgressBar(0, 1, progress.share());
            bar.setId("progress-bar");
            Span status = new Span(getTranslation(progress.status(LocalDate.now(clock)).messageKey()));
            status.getElement().getThemeList().add("badge pill");
            Div facts = new Div(
                    new Paragraph(getTranslation("progress.period",
                            ChineseDates.format(progress.period().start(), getLocale()),
                            ChineseDates.format(progress.period().end(), getLocale()), progress.daysLeft())),
                    new Paragraph(getTranslation("progress.required", getTranslation(progress.level().messageKey()),
                            hours(progress.required()), hours(progress.shortfall()))),
                    new Paragraph(getTranslation("progress.rule", progress.ruleSource())));
            facts.addClassName("lecture-facts");
            add(earned, status, bar, facts);
        }
        Grid<HoursEntry> entries = new Grid<>();
        entries.setId("progress-entries");
        // Fixed narrow columns so that the hours stay visible on a phone; the title takes what is left.
        entries.addColumn(e -> ChineseDates.format(e.earnedOn(), getLocale()))
                .setHeader(getTranslation("progress.column.date"))
                .setWidth("7.5em").setFlexGrow(0);
        entries.addColumn(HoursEntry::title).setHeader(getTranslation("progress.column.title")).setFlexGrow(1)
                .setTooltipGenerator(HoursEntry::title);
        entries.addColumn(e -> getTranslation(e.source().messageKey())).setHeader(getTranslation("progress.column.method"))
                .setWidth("5.5em").setFlexGrow(0);
        entries.addColumn(e -> hours(e.hours())).setHeader(getTranslation("progress.column.hours"))
                .setWidth("3.5em").setFlexGrow(0);
        entries.setItems(progress.entries());
        entries.setAllRowsVisible(true);
        add(entries);
        if (progress.entries().isEmpty()) {
            add(new Paragraph(getTranslation("progress.none")));
        }
    }

    private static String hours(BigDecimal hours) {
        return HoursText.plain(hours);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("progress.title");
    }
}
