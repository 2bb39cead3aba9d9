package cn.tzsw.college.hours.ui;

import cn.tzsw.college.hours.RenewalCandidate;
import cn.tzsw.college.hours.RenewalService;
import cn.tzsw.college.regions.RegionLevel;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.CurrentUser;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.shared.HoursText;
import cn.tzsw.college.ui.GridColumns;
import cn.tzsw.college.ui.Notifications;
import cn.tzsw.college.ui.RegionPicker;
import cn.tzsw.college.ui.UserMessages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The re-registration window: certified trainees of the caller's subtree whose period ends within the configured
 * days while hours are still missing; one button mails all of them a reminder through the outbox.
 */
@Route("renewals")
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
@Menu(title = "nav.renewals", order = 22, icon = "vaadin:bell")
class RenewalWindowView extends VerticalLayout implements HasDynamicTitle {

    private final Map<String, String> regionNames = new HashMap<>();

    RenewalWindowView(RenewalService renewals, RegionService regions, AuthenticatedUser authenticatedUser) {
        setSizeFull();
        CurrentUser user = authenticatedUser.require();
        String root = user.is(Role.COORDINATOR) ? user.regionCode() : regions.home().code();
        RegionPicker region = new RegionPicker(regions, root, RegionLevel.VILLAGE);
        region.setId("renewal-region-filter");
        Span explanation = new Span(getTranslation("renewals.explanation", renewals.windowDays()));
        explanation.addClassName("hint");

        Grid<RenewalCandidate> grid = new Grid<>();
        grid.setId("renewal-grid");
        grid.addColumn(RenewalCandidate::name).setHeader(getTranslation("trainee.name")).setAutoWidth(true).setFrozen(true);
        grid.addColumn(RenewalCandidate::maskedPhone).setHeader(getTranslation("trainee.phone")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation(c.level().messageKey())).setHeader(getTranslation("trainee.certificateLevel"))
                .setAutoWidth(true);
        Grid.Column<RenewalCandidate> regionPaths = grid.addColumn(c -> regionNames.computeIfAbsent(c.regionCode(),
                        regions::displayPath))
                .setHeader(getTranslation("trainee.region"));
        grid.addColumn(c -> ChineseDates.format(c.periodEnd(), getLocale()))
                .setHeader(getTranslation("directory.periodEnd"))
                .setAutoWidth(true);
        grid.addColumn(RenewalCandidate::daysLeft).setHeader(getTranslation("detail.daysLeft")).setAutoWidth(true);
        grid.addColumn(c -> plain(c.earned()) + " / " + plain(c.required())).setHeader(getTranslation("directory.hours"))
                .setAutoWidth(true);
        grid.addColumn(c -> plain(c.shortfall())).setHeader(getTranslation("detail.shortfall")).setAutoWidth(true);
        grid.addColumn(c -> c.hasEmail() ? "" : getTranslation("renewals.noEmail"))
                .setHeader(getTranslation("renewals.email")).setAutoWidth(true);
        grid.addColumn(c -> c.lastReminded() == null ? "—"
                        : ChineseDates.format(c.lastReminded().toLocalDate(), getLocale()))
                .setHeader(getTranslation("renewals.lastReminded")).setAutoWidth(true);
        GridColumns.onlyGrow(grid, regionPaths);
        grid.setItems(query -> renewals.window(region.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        region.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        Button send = new Button(getTranslation("renewals.send"), VaadinIcon.ENVELOPE.create(), e -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader(getTranslation("renewals.send"));
            confirm.setText(getTranslation("renewals.confirm"));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmText(getTranslation("renewals.send"));
            confirm.addConfirmListener(c -> {
                try {
                    int count = renewals.sendReminders(region.getValue());
                    Notifications.success(getTranslation("renewals.sent", count, renewals.reminderIntervalDays()));
                    grid.getDataProvider().refreshAll(); // the last-reminded dates changed
                } catch (RuntimeException error) {
                    Notifications.error(UserMessages.describe(this, error));
                }
            });
            confirm.open();
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("renewal-send");

        FlexLayout filters = new FlexLayout(region, send);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.addClassName("filters");
        add(new H2(getTranslation("nav.renewals")), explanation, filters, grid);
        setFlexGrow(1, grid);
    }

    private static String plain(BigDecimal hours) {
        return HoursText.plain(hours);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.renewals") + " | " + getTranslation("app.name");
    }
}
