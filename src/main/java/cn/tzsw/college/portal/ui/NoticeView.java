package cn.tzsw.college.portal.ui;

import cn.tzsw.college.portal.Notice;
import cn.tzsw.college.portal.NoticeService;
import cn.tzsw.college.shared.ChineseDates;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** One notice, open to everyone once published; its paragraphs as the administrator wrote them. */
@Route("notices")
@AnonymousAllowed
class NoticeView extends Article implements HasUrlParameter<Long>, HasDynamicTitle {

    private final NoticeService notices;
    private Notice notice;

    NoticeView(NoticeService notices) {
        this.notices = notices;
        addClassNames("narrow-page", "notice-page");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        notice = notices.find(id == null ? -1 : id).orElseThrow(NotFoundException::new);
        removeAll();
        H2 title = new H2(notice.title());
        title.setId("notice-title");
        Paragraph date = new Paragraph(notice.published() ? ChineseDates.format(notice.publishedOn(), getLocale())
                : getTranslation("notice.draft"));
        date.addClassName("notice-date");
        add(title, date);
        for (String paragraph : notice.body().split("\\R\\s*\\R")) {
            Paragraph text = new Paragraph(paragraph.strip());
            text.addClassName("notice-body");
            add(text);
        }
        add(new Anchor("", getTranslation("notice.back")));
    }

    @Override
    public String getPageTitle() {
        return (notice == null ? "" : notice.title() + " | ") + getTranslation("app.name");
    }
}
