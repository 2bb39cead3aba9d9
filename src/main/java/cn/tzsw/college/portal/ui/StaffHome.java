package cn.tzsw.college.portal.ui;

import cn.tzsw.college.catalog.CatalogQuery;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.certificates.BulkIssues;
import cn.tzsw.college.notification.NotificationService;
import cn.tzsw.college.notification.OutboxState;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.reporting.ProgressReports;
import cn.tzsw.college.reporting.ReportPeriod;
import cn.tzsw.college.reporting.UnitFigures;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.CurrentUser;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.ChineseDates;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.data.domain.PageRequest;

/**
 * The home of coordinators, administrators and instructors: figures of their own (their region's compliance rate
 * this year, the lectures of the coming seven days; for administrators the mails waiting or failed and the bulk
 * certificate jobs still running), each a link to the page where they act on it.
 */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
class StaffHome extends Div {

    static final int WEEK_DAYS = 7;
    static final int LECTURES_SHOWN = 5;
    /** Enough published lectures to find a week's in the catalogue's first page. */
    private static final int LECTURE_PAGE = 200;

    StaffHome(AuthenticatedUser authenticatedUser, RegionService regions, ProgressReports reports,
              CatalogService catalog, NotificationService notifications, BulkIssues bulkIssues, Clock clock) {
        addClassNames("portal", "staff-home");
        CurrentUser user = authenticatedUser.require();
        LocalDateTime now = LocalDateTime.now(clock);
        H2 greeting = new H2(getTranslation("home.greeting", user.displayName()));
        greeting.setId("home-greeting");
        add(greeting, new Paragraph(getTranslation("home.role." + user.role().name())));
        if (user.regionCode() != null) {
            add(new Paragraph(getTranslation("home.region", regions.displayPath(user.regionCode()))));
        }
        Div figures = new Div();
        figures.setId("home-figures");
        figures.addClassName("home-figures");
        if (user.is(Role.ADMIN) || user.is(Role.COORDINATOR)) {
            UnitFigures total = reports.report(reports.startingUnit(user.regionCode()),
                    ReportPeriod.year(now.getYear())).total();
            Double rate = total.complianceRate();
            figures.add(figure("home-compliance", rate == null ? "—" : Math.round(rate * 100) + "%",
                    getTranslation("home.figure.compliance", total.name(), total.compliant(), total.required()), "reports"));
            figures.add(figure("home-active", total.activeTrainees() + " / " + total.trainees(),
                    getTranslation("home.figure.active", String.valueOf(now.getYear())), "trainees"));
        }
        List<LectureInfo> week = catalog.search(CatalogQuery.all(), PageRequest.of(0, LECTURE_PAGE)).stream()
                .filter(l -> l.startsAt().isBefore(now.plusDays(WEEK_DAYS)) && l.endsAt().isAfter(now)).toList();
        figures.add(figure("home-week", String.valueOf(week.size()), getTranslation("home.figure.week"),
                user.is(Role.ADMIN) ? "admin/courses" : "catalog"));
        if (user.is(Role.ADMIN)) {
            OutboxState outbox = notifications.outboxState();
            figures.add(figure("home-mails", outbox.pending() + " / " + outbox.failed(),
                    getTranslation("home.figure.mails"), "admin/mails"));
            long running = bulkIssues.recent(20).stream().filter(j -> !j.state().finished()).count();
            figures.add(figure("home-bulk", String.valueOf(running), getTranslation("home.figure.bulk"),
                    "admin/certificates"));
        }
        add(figures, weekList(week));
    }

    private Anchor figure(String id, String value, String label, String href) {
        Span number = new Span(value);
        number.addClassName("home-figure-value");
        Span text = new Span(label);
        text.addClassName("home-figure-label");
        Anchor figure = new Anchor(href, number, text);
        figure.setId(id);
        figure.addClassName("home-figure");
        return figure;
    }

    private Section weekList(List<LectureInfo> week) {
        Section section = new Section(new H2(getTranslation("home.figure.week")));
        section.setId("home-week-list");
        section.addClassName("portal-section");
        if (week.isEmpty()) {
            section.add(new Paragraph(getTranslation("home.noLecturesThisWeek")));
        }
        for (LectureInfo lecture : week.subList(0, Math.min(LECTURES_SHOWN, week.size()))) {
            Anchor title = new Anchor("lectures/" + lecture.id(), lecture.courseTitle());
            title.addClassName("portal-card-title");
            Span meta = new Span(ChineseDates.format(lecture.startsAt(), getLocale()) + " · "
                    + getTranslation("catalog.seatsLeft", lecture.seatsLeft(), lecture.capacity()));
            meta.addClassName("portal-card-meta");
            Div card = new Div(title, meta);
            card.addClassName("portal-card");
            section.add(card);
        }
        return section;
    }
}
