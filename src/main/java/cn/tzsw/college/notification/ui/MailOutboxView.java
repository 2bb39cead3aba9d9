package cn.tzsw.college.notification.ui;

import cn.tzsw.college.notification.MailStatus;
import cn.tzsw.college.notification.NotificationService;
import cn.tzsw.college.notification.OutboxMail;
import cn.tzsw.college.notification.OutboxState;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.ui.GridColumns;
import cn.tzsw.college.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.Set;

/**
 * Administrators see what mail is waiting, sent or failed, when each waiting one is tried next and whether the
 * mail server answers, and can send failed ones again (one, or all at once).
 */
@Route("admin/mails")
@RolesAllowed(Role.Names.ADMIN)
@Menu(title = "nav.mails", order = 85, icon = "vaadin:envelopes")
class MailOutboxView extends VerticalLayout implements HasDynamicTitle {

    private final NotificationService notifications;
    private final Paragraph summary = new Paragraph();
    private final Paragraph server = new Paragraph();
    private final Button retryAll = new Button();
    private final Grid<OutboxMail> grid = new Grid<>();
    private OutboxState state;

    MailOutboxView(NotificationService notifications) {
        this.notifications = notifications;
        setSizeFull();
        Select<MailStatus> status = new Select<>();
        status.setItems(MailStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("mails.all"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("mails.all") : getTranslation(s.messageKey()));
        summary.setId("mail-counts");
        server.setId("mail-server");
        retryAll.setText(getTranslation("mails.retryAll"));
        retryAll.setId("mail-retry-all");
        retryAll.addClickListener(e -> {
            Notifications.success(getTranslation("mails.retriedAll", notifications.retryAllFailed()));
            refresh();
        });

        grid.setId("mail-grid");
        // At 1280 px nine columns scrolled sideways: the recipient goes under the subject, and cells wrap (a time
        // on two lines) in widths that add up to the window.
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        Grid.Column<OutboxMail> subject = grid
                .addColumn(GridColumns.twoLines(OutboxMail::subject, OutboxMail::recipient))
                .setHeader(getTranslation("mails.subject") + " / " + getTranslation("mails.recipient"))
                .setWidth("12rem").setTooltipGenerator(OutboxMail::subject);
        grid.addColumn(m -> getTranslation(m.status().messageKey())).setHeader(getTranslation("mails.status"))
                .setWidth("5rem");
        grid.addColumn(OutboxMail::attempts).setHeader(getTranslation("mails.attempts")).setWidth("5rem");
        grid.addColumn(m -> ChineseDates.format(m.createdAt(), getLocale()))
                .setHeader(getTranslation("mails.createdAt")).setWidth("8rem");
        grid.addColumn(this::nextAttempt).setHeader(getTranslation("mails.nextAttempt")).setWidth("8rem");
        grid.addColumn(m -> ChineseDates.format(m.sentAt(), getLocale()))
                .setHeader(getTranslation("mails.sentAt")).setWidth("8rem");
        Grid.Column<OutboxMail> lastError = grid.addColumn(OutboxMail::lastError)
                .setHeader(getTranslation("mails.lastError")).setWidth("8rem");
        grid.addComponentColumn(m -> {
            Button retry = new Button(getTranslation("mails.retry"), e -> {
                notifications.retry(m.id());
                refresh();
            });
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            retry.setVisible(m.status() == MailStatus.FAILED);
            return retry;
        }).setAutoWidth(true);
        GridColumns.onlyGrow(grid, subject, lastError);
        grid.setItems(query -> notifications.outbox(selected(status.getValue()),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.setEmptyStateText(getTranslation("mails.empty"));
        status.addValueChangeListener(e -> {
            grid.setEmptyStateText(e.getValue() == null ? getTranslation("mails.empty")
                    : getTranslation("mails.emptyWithStatus", getTranslation(e.getValue().messageKey())));
            grid.getDataProvider().refreshAll();
        });
        HorizontalLayout filters = new HorizontalLayout(status, retryAll);
        filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new H2(getTranslation("nav.mails")), summary, server, filters, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        state = notifications.outboxState();
        summary.setText(getTranslation("mails.summary", state.pending(), state.failed()));
        if (state.mailServer() == null) {
            server.setText(getTranslation("mails.server.unconfigured"));
        } else if (state.mailServerDownSince() != null) {
            server.setText(getTranslation("mails.server.down", state.mailServer(),
                    ChineseDates.format(state.mailServerDownSince(), getLocale()), state.mailServerError()));
        } else {
            server.setText(getTranslation("mails.server.up", state.mailServer()));
        }
        retryAll.setEnabled(state.failed() > 0);
        grid.getDataProvider().refreshAll();
    }

    /** When a waiting mail is tried next; while the server is down (or missing) that depends on it, not a time. */
    private String nextAttempt(OutboxMail mail) {
        if (mail.status() != MailStatus.PENDING) {
            return "";
        }
        if (state.mailServer() == null) {
            return getTranslation("mails.next.unconfigured");
        }
        return state.mailServerDownSince() != null ? getTranslation("mails.next.whenServerAnswers")
                : ChineseDates.format(mail.nextAttemptAt(), getLocale());
    }

    private static Set<MailStatus> selected(MailStatus status) {
        return status == null ? EnumSet.allOf(MailStatus.class) : EnumSet.of(status);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.mails") + " | " + getTranslation("app.name");
    }
}
