package cn.tzsw.college.hours.ui;

import cn.tzsw.college.hours.HoursEntry;
import cn.tzsw.college.hours.HoursLedger;
import cn.tzsw.college.hours.Progress;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.shared.HoursText;
import cn.tzsw.college.shared.LectureProgress;
import cn.tzsw.college.shared.LectureStates;
import cn.tzsw.college.ui.LectureStateBadge;
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
import java.util.Map;
import java.util.Objects;

/**
 * "我的学时": hours earned in the current registration period against the requirement for the trainee's level,
 * and the lectures behind them.
 */
@Route("my/progress")
@RolesAllowed(Role.Names.TRAINEE)
@Menu(title = "nav.myProgress", order = 16, icon = "vaadin:chart-3d")
class MyProgressView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final HoursLedger ledger;
    private final LectureStates states;
    private final Clock clock;

    MyProgressView(HoursLedger ledger, LectureStates states, Clock clock) {
        this.ledger = ledger;
        this.states = states;
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
        // Stacked cards rather than a grid: on a phone every fact of an entry stays readable.
        Map<Long, LectureProgress> states = this.states.mine(progress.entries().stream().map(HoursEntry::lectureId)
                .filter(Objects::nonNull).toList());
        Div entries = new Div();
        entries.setId("progress-entries");
        entries.addClassName("trainee-cards");
        for (HoursEntry entry : progress.entries()) {
            Span title = new Span(entry.title());
            title.addClassName("certificate-title");
            Span earnedHours = new Span(getTranslation("certificate.hoursLabel", hours(entry.hours())));
            earnedHours.addClassName("entry-hours");
            Div head = new Div(title);
            LectureProgress lecture = entry.lectureId() == null ? null : states.get(entry.lectureId());
            if (lecture != null) {
                head.add(new LectureStateBadge(lecture.state()));
            }
            head.addClassName("lecture-card-head");
            Div meta = new Div(new Span(ChineseDates.format(entry.earnedOn(), getLocale())),
                    new Span(getTranslation(entry.source().messageKey())), earnedHours);
            meta.addClassName("lecture-card-meta");
            Div card = new Div(head, meta);
            card.addClassName("lecture-card");
            if (entry.lectureId() != null) {
                card.getElement().setAttribute("data-lecture", String.valueOf(entry.lectureId()));
            }
            entries.add(card);
        }
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
