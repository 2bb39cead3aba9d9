package cn.tzsw.college.notification.ui;

import cn.tzsw.college.notification.MailStatus;
import cn.tzsw.college.notification.NotificationService;
import cn.tzsw.college.notification.OutboxMail;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.ui.ChineseDates;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.Set;

/** Administrators see what mail is waiting, sent or failed, and can send a failed one again. */
@Route("admin/mails")
@RolesAllowed(Role.Names.ADMIN)
@Menu(title = "nav.mails", order = 85, icon = "vaadin:envelopes")
class MailOutboxView extends VerticalLayout implements HasDynamicTitle {

    MailOutboxView(NotificationService notifications) {
        setSizeFull();
        Select<MailStatus> status = new Select<>();
        status.setItems(MailStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("mails.all"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("mails.all") : getTranslation(s.messageKey()));
        Paragraph counts = new Paragraph(getTranslation("mails.counts", notifications.count(MailStatus.PENDING),
                notifications.count(MailStatus.FAILED)));
        counts.setId("mail-counts");

        Grid<OutboxMail> grid = new Grid<>();
        grid.setId("mail-grid");
        grid.addColumn(OutboxMail::recipient).setHeader(getTranslation("mails.recipient")).setAutoWidth(true);
        grid.addColumn(OutboxMail::subject).setHeader(getTranslation("mails.subject")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(m -> getTranslation(m.status().messageKey())).setHeader(getTranslation("mails.status"));
        grid.addColumn(OutboxMail::attempts).setHeader(getTranslation("mails.attempts"));
        grid.addColumn(m -> ChineseDates.format(m.createdAt())).setHeader(getTranslation("mails.createdAt")).setAutoWidth(true);
        grid.addColumn(m -> ChineseDates.format(m.sentAt())).setHeader(getTranslation("mails.sentAt")).setAutoWidth(true);
        grid.addColumn(OutboxMail::lastError).setHeader(getTranslation("mails.lastError"));
        grid.addComponentColumn(m -> {
            Button retry = new Button(getTranslation("mails.retry"), e -> {
                notifications.retry(m.id());
                grid.getDataProvider().refreshAll();
            });
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            retry.setVisible(m.status() == MailStatus.FAILED);
            return retry;
        });
        grid.setItems(query -> notifications.outbox(selected(status.getValue()),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        add(new H2(getTranslation("nav.mails")), counts, status, grid);
        setFlexGrow(1, grid);
    }

    private static Set<MailStatus> selected(MailStatus status) {
        return status == null ? EnumSet.allOf(MailStatus.class) : EnumSet.of(status);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.mails") + " | " + getTranslation("app.name");
    }
}
