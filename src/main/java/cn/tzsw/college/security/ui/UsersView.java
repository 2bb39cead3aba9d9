package cn.tzsw.college.security.ui;

import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.security.AccountService;
import cn.tzsw.college.security.AccountSummary;
import cn.tzsw.college.security.AttemptLock;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.ui.FormErrors;
import cn.tzsw.college.ui.GridColumns;
import cn.tzsw.college.ui.Notifications;
import cn.tzsw.college.ui.UserMessages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import java.util.HashMap;
import java.util.Map;

/**
 * Administrators list and search every account, create coordinators bound to a region, reset the password of a
 * person who forgot theirs, and lift sign-in locks (after too many wrong passwords).
 */
@Route("admin/users")
@RolesAllowed(Role.Names.ADMIN)
@Menu(title = "nav.users", order = 80, icon = "vaadin:key")
class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final AccountService accounts;
    private final RegionService regions;
    private final Grid<AccountSummary> grid = new Grid<>();
    private final Map<String, String> regionNames = new HashMap<>();

    UsersView(AccountService accounts, RegionService regions) {
        this.accounts = accounts;
        this.regions = regions;
        setSizeFull();

        TextField search = new TextField();
        search.setPlaceholder(getTranslation("users.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("user-search");
        Select<Role> role = new Select<>();
        role.setItems(Role.values());
        role.setEmptySelectionAllowed(true);
        role.setEmptySelectionCaption(getTranslation("users.allRoles"));
        role.setItemLabelGenerator(r -> r == null ? getTranslation("users.allRoles") : getTranslation(r.messageKey()));
        Button create = new Button(getTranslation("users.newStaff"), VaadinIcon.PLUS.create(), e -> openCreateDialog());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-staff");
        Button locks = new Button(getTranslation("users.locks"), VaadinIcon.LOCK.create(), e -> openLocksDialog());
        locks.setId("sign-in-locks");

        grid.setId("user-grid");
        grid.addColumn(AccountSummary::username).setHeader(getTranslation("account.username")).setAutoWidth(true);
        grid.addColumn(AccountSummary::displayName).setHeader(getTranslation("account.displayName")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation(a.role().messageKey())).setHeader(getTranslation("account.role"))
                .setAutoWidth(true);
        Grid.Column<AccountSummary> region = grid.addColumn(a -> a.regionCode() == null ? ""
                        : regionNames.computeIfAbsent(a.regionCode(), regions::displayPath))
                .setHeader(getTranslation("account.region"));
        grid.addColumn(a -> ChineseDates.format(a.createdAt(), getLocale()))
                .setHeader(getTranslation("account.createdAt"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::resetButton).setAutoWidth(true);
        GridColumns.onlyGrow(grid, region);
        grid.setItems(query -> accounts.search(search.getValue(), role.getValue(),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        role.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        FlexLayout toolbar = new FlexLayout(search, role, create, locks);
        toolbar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        toolbar.addClassName("filters");
        add(new H2(getTranslation("nav.users")), toolbar, grid);
        setFlexGrow(1, grid);
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog(getTranslation("users.newStaff"));
        StaffAccountForm form = new StaffAccountForm(regions);
        form.addSaveListener(event -> {
            try {
                accounts.createStaff(event.data());
                Notifications.success(getTranslation("users.created", event.data().getUsername()));
                dialog.close();
                grid.getDataProvider().refreshAll();
            } catch (BusinessRuleException | ConstraintViolationException e) {
                FormErrors.show(form, form.binder(), e);
            }
        });
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()));
        dialog.open();
    }

    /** The user names and addresses locked now; lifting one lets the person sign in again at once. */
    private void openLocksDialog() {
        Dialog dialog = new Dialog(getTranslation("users.locks"));
        Grid<AttemptLock> locked = new Grid<>();
        locked.setId("sign-in-lock-grid");
        locked.addColumn(l -> getTranslation("users.locks." + l.rule().key())).setHeader(getTranslation("users.locks.kind"))
                .setAutoWidth(true);
        locked.addColumn(AttemptLock::subject).setHeader(getTranslation("users.locks.subject")).setAutoWidth(true);
        locked.addColumn(AttemptLock::untilText).setHeader(getTranslation("users.locks.until")).setAutoWidth(true);
        locked.addComponentColumn(lock -> {
            Button lift = new Button(getTranslation("users.locks.lift"), e -> {
                accounts.liftSignInLock(lock.rule(), lock.subject());
                Notifications.success(getTranslation("users.locks.lifted", lock.subject()));
                locked.setItems(accounts.signInLocks());
            });
            lift.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            lift.setId("lift-" + lock.rule().key() + "-" + lock.subject());
            return lift;
        }).setAutoWidth(true).setFlexGrow(0);
        locked.setItems(accounts.signInLocks());
        locked.setEmptyStateText(getTranslation("users.locks.none"));
        locked.setWidth("min(90vw, 640px)");
        locked.setAllRowsVisible(true);
        dialog.add(locked);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private Button resetButton(AccountSummary account) {
        Button reset = new Button(getTranslation("users.resetPassword"), e -> confirmReset(account));
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        reset.setId("reset-password-" + account.username());
        return reset;
    }

    /** Asks first; then shows the new password once, to be passed on to the person by phone or in person. */
    private void confirmReset(AccountSummary account) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("users.resetPassword"));
        confirm.setText(getTranslation("users.resetConfirm", account.displayName(), account.username()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("users.resetPassword"));
        confirm.addConfirmListener(e -> {
            try {
                String password = accounts.resetPassword(account.id());
                Dialog shown = new Dialog(getTranslation("users.resetDone", account.username()));
                Span value = new Span(password);
                value.setId("reset-password-value");
                value.addClassName("one-time-password");
                shown.add(new Paragraph(value), new Paragraph(getTranslation("users.resetHint")));
                shown.getFooter().add(new Button(getTranslation("action.close"), c -> shown.close()));
                shown.open();
            } catch (BusinessRuleException refused) {
                Notifications.error(UserMessages.describe(this, refused));
            }
        });
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.users") + " | " + getTranslation("app.name");
    }
}
