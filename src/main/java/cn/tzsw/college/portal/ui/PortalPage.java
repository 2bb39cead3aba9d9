package cn.tzsw.college.portal.ui;

import cn.tzsw.college.catalog.Availability;
import cn.tzsw.college.catalog.CatalogQuery;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.portal.Notice;
import cn.tzsw.college.portal.NoticeService;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.shared.HoursText;
import cn.tzsw.college.ui.SignInFirst;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.data.domain.PageRequest;

/**
 * The portal a visitor sees at {@code /}: sign-in and sign-up, the next lectures with their seats, the college's
 * notices, certificate lookup and how registering works. One column on a phone, two on a laptop.
 */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
class PortalPage extends Div {

    static final int LECTURES = 6;
    static final int NOTICES = 6;

    PortalPage(CatalogService catalog, NoticeService notices, Clock clock) {
        addClassName("portal");
        LocalDateTime now = LocalDateTime.now(clock);
        add(hero(), lectures(catalog.search(CatalogQuery.all(), PageRequest.of(0, LECTURES)).getContent(), now),
                notices(notices.latest(NOTICES)), verify(), howTo());
    }

    private Section hero() {
        H1 title = new H1(getTranslation("app.name"));
        title.addClassName("portal-title");
        Paragraph tagline = new Paragraph(getTranslation("app.tagline"));
        tagline.addClassName("portal-tagline");
        Anchor signIn = new Anchor("login", getTranslation("portal.signIn"));
        signIn.setId("portal-sign-in");
        signIn.addClassNames("portal-button", "primary");
        Anchor signUp = new Anchor("register", getTranslation("portal.signUp"));
        signUp.setId("portal-sign-up");
        signUp.addClassName("portal-button");
        Div actions = new Div(signIn, signUp);
        actions.addClassName("portal-hero-actions");
        Section hero = new Section(title, tagline, actions);
        hero.addClassName("portal-hero");
        return hero;
    }

    private Section lectures(List<LectureInfo> upcoming, LocalDateTime now) {
        Div list = new Div();
        list.setId("portal-lectures");
        list.addClassName("portal-cards");
        if (upcoming.isEmpty()) {
            list.add(new Paragraph(getTranslation("catalog.empty")));
        }
        for (LectureInfo lecture : upcoming) {
            list.add(card(lecture, now));
        }
        Anchor all = new Anchor("catalog", getTranslation("portal.allLectures"));
        all.addClassName("portal-more");
        return section("portal.lectures", "portal-lectures-section", list, all);
    }

    private Div card(LectureInfo lecture, LocalDateTime now) {
        Anchor title = new Anchor("lectures/" + lecture.id(), lecture.courseTitle());
        title.addClassName("portal-card-title");
        Availability availability = lecture.availability(now);
        Span badge = new Span(getTranslation(availability.messageKey()));
        badge.getElement().getThemeList().add("badge pill " + (availability == Availability.OPEN ? "success" : "contrast"));
        String where = lecture.venue() != null ? lecture.venue() : getTranslation("catalog.online");
        Div meta = new Div(new Span(ChineseDates.format(lecture.startsAt(), getLocale())), new Span(where),
                new Span(getTranslation("catalog.creditHours", HoursText.plain(lecture.creditHours()))));
        meta.addClassName("portal-card-meta");
        Span seats = new Span(getTranslation("catalog.seatsLeft", lecture.seatsLeft(), lecture.capacity()));
        seats.addClassName("portal-card-seats");
        Div foot = new Div(seats, badge);
        foot.addClassName("portal-card-foot");
        Div card = new Div(title, meta, foot);
        card.addClassName("portal-card");
        card.getElement().setAttribute("data-lecture", String.valueOf(lecture.id()));
        if (availability == Availability.OPEN || availability == Availability.FULL_WAITLIST) {
            // The sign-in page comes first and then leads to the lecture's page.
            Anchor register = new Anchor(SignInFirst.loginThen("/lectures/" + lecture.id()),
                    getTranslation("portal.registerAfterSignIn"));
            register.addClassNames("portal-button", "primary", "portal-register");
            card.add(register);
        }
        return card;
    }

    private Section notices(List<Notice> latest) {
        Div list = new Div();
        list.setId("portal-notices");
        list.addClassName("portal-notices");
        if (latest.isEmpty()) {
            list.add(new Paragraph(getTranslation("portal.noNotices")));
        }
        for (Notice notice : latest) {
            Span date = new Span(ChineseDates.format(notice.publishedOn(), getLocale()));
            date.addClassName("portal-notice-date");
            Anchor title = new Anchor("notices/" + notice.id(), notice.title());
            title.addClassName("portal-notice-title");
            Div row = new Div(title, date);
            row.addClassName("portal-notice");
            list.add(row);
        }
        return section("portal.notices", "portal-notices-section", list);
    }

    private Section verify() {
        TextField code = new TextField();
        code.setId("portal-verify-code");
        code.setPlaceholder(getTranslation("portal.verify.placeholder"));
        code.setAriaLabel(getTranslation("portal.verify.placeholder"));
        code.addClassName("portal-verify-field");
        Button check = new Button(getTranslation("portal.verify.submit"), e -> {
            String lang = "en".equals(getLocale().getLanguage()) ? "en" : "zh";
            getUI().ifPresent(ui -> ui.getPage().setLocation("verify?lang=" + lang + "&code="
                    + URLEncoder.encode(code.getValue().strip(), StandardCharsets.UTF_8)));
        });
        check.setId("portal-verify-submit");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div form = new Div(code, check);
        form.addClassName("portal-verify");
        return section("portal.verify", "portal-verify-section", new Paragraph(getTranslation("portal.verify.intro")), form);
    }

    private Section howTo() {
        OrderedList steps = new OrderedList();
        for (String step : List.of("portal.howTo.1", "portal.howTo.2", "portal.howTo.3", "portal.howTo.4")) {
            steps.add(new ListItem(getTranslation(step)));
        }
        steps.addClassName("portal-steps");
        Anchor forgot = new Anchor("forgot-password", getTranslation("login.forgotPassword"));
        return section("portal.howTo", "portal-how-to", steps, forgot);
    }

    private Section section(String titleKey, String id, com.vaadin.flow.component.Component... content) {
        Section section = new Section(new H2(getTranslation(titleKey)));
        section.setId(id);
        section.addClassName("portal-section");
        section.add(content);
        return section;
    }
}
