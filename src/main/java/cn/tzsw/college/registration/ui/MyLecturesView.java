package cn.tzsw.college.registration.ui;

import cn.tzsw.college.registration.MyLecture;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.registration.RegistrationStatus;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.shared.LectureProgress;
import cn.tzsw.college.shared.LectureStates;
import cn.tzsw.college.ui.LectureStateBadge;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The trainee's own lectures: upcoming first, then past ones, each with its status. */
@Route("my/lectures")
@RolesAllowed(Role.Names.TRAINEE)
@Menu(title = "nav.myLectures", order = 15, icon = "vaadin:calendar-user")
class MyLecturesView extends VerticalLayout implements HasDynamicTitle {

    private final Map<Long, LectureProgress> progress;

    MyLecturesView(RegistrationService registrations, LectureStates states, Clock clock) {
        addClassNames("narrow-page", "trainee-cards");
        LocalDateTime now = LocalDateTime.now(clock);
        List<MyLecture> mine = registrations.myLectures();
        progress = states.mine(mine.stream().map(m -> m.lecture().id()).toList());
        add(new H2(getTranslation("nav.myLectures")));
        // A recorded lecture stays open for days after the trainee completed it: it is behind them all the same.
        Predicate<MyLecture> ahead = m -> m.lecture().endsAt().isAfter(now)
                && (progress.get(m.lecture().id()) == null || !progress.get(m.lecture().id()).state().settled());
        List<MyLecture> upcoming = mine.stream().filter(ahead).toList();
        List<MyLecture> past = mine.stream().filter(ahead.negate()).toList().reversed();
        section("myLectures.upcoming", upcoming, "my-upcoming");
        section("myLectures.past", past, "my-past");
    }

    private void section(String titleKey, List<MyLecture> lectures, String id) {
        Div list = new Div();
        list.setId(id);
        add(new H3(getTranslation(titleKey)), list);
        if (lectures.isEmpty()) {
            list.add(new Paragraph(getTranslation("myLectures.none")));
        }
        for (MyLecture mine : lectures) {
            Anchor title = new Anchor("lectures/" + mine.lecture().id(), mine.lecture().courseTitle());
            LectureProgress now = progress.get(mine.lecture().id());
            Div head = new Div(title);
            if (now != null) {
                head.add(new LectureStateBadge(now.state()));
            }
            head.addClassName("lecture-card-head");
            Div meta = new Div(new Span(ChineseDates.format(mine.lecture().startsAt(), getLocale())),
                    new Span(mine.lecture().venue() == null ? getTranslation("catalog.online") : mine.lecture().venue()));
            if (mine.status() == RegistrationStatus.WAITLISTED) {
                meta.add(new Span(getTranslation("registration.waitlistedAt", mine.positionInLine())));
            }
            meta.addClassName("lecture-card-meta");
            Div card = new Div(head, meta);
            if (now != null && now.action() != null) {
                Anchor action = new Anchor(now.action().href(mine.lecture().id()),
                        getTranslation(now.action().messageKey()));
                action.addClassNames("card-action", "lecture-action");
                card.add(action);
            }
            card.addClassName("lecture-card");
            card.getElement().setAttribute("data-lecture", String.valueOf(mine.lecture().id()));
            list.add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.myLectures") + " | " + getTranslation("app.name");
    }
}
