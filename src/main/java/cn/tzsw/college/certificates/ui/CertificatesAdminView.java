package cn.tzsw.college.certificates.ui;

import cn.tzsw.college.catalog.CourseAdminService;
import cn.tzsw.college.certificates.BulkIssues;
import cn.tzsw.college.certificates.Certificate;
import cn.tzsw.college.certificates.CertificateIssuing;
import cn.tzsw.college.certificates.CertificateQueries;
import cn.tzsw.college.certificates.CertificateStatus;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.ui.GridColumns;
import cn.tzsw.college.ui.Notifications;
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
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;

/** Administrators find certificates by serial or name, revoke (with a reason) and reissue, and issue in bulk. */
@Route("admin/certificates")
@RolesAllowed(Role.Names.ADMIN)
@Menu(title = "nav.certificates", order = 45, icon = "vaadin:diploma")
class CertificatesAdminView extends VerticalLayout implements HasDynamicTitle {

    private final CertificateQueries certificates;
    private final CertificateIssuing issuing;
    private final Clock clock;
    private final Grid<Certificate> grid = new Grid<>();
    private final TextField search = new TextField();

    CertificatesAdminView(CertificateQueries certificates, CertificateIssuing issuing, BulkIssues bulkIssues,
                          CourseAdminService courses, Clock clock) {
        this.certificates = certificates;
        this.issuing = issuing;
        this.clock = clock;
        setSizeFull();

        search.setPlaceholder(getTranslation("certificateAdmin.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("certificate-search");
        search.setWidth("22rem");
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        BulkIssuePanel bulk = new BulkIssuePanel(bulkIssues, courses, () -> grid.getDataProvider().refreshAll());
        Button bulkButton = new Button(getTranslation("certificateAdmin.bulk"), VaadinIcon.FILE_ADD.create(),
                e -> bulk.openChooser());
        bulkButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        bulkButton.setId("bulk-issue");
        FlexLayout toolbar = new FlexLayout(search, bulkButton);
        toolbar.addClassName("filters");
        toolbar.setFlexWrap(FlexLayout.FlexWrap.WRAP);

        grid.setId("certificate-grid");
        grid.addColumn(Certificate::serial).setHeader(getTranslation("certificateAdmin.serial")).setAutoWidth(true);
        grid.addColumn(Certificate::holderName).setHeader(getTranslation("certificateAdmin.holder")).setWidth("7rem")
                .setTooltipGenerator(Certificate::holderName);
        // The kind under the title rather than in a column of its own, and a long title on two lines: at 1280 px a
        // 类别 column left the title two characters.
        Grid.Column<Certificate> title = grid.addColumn(GridColumns.twoLines(Certificate::title,
                        c -> getTranslation(c.kind().messageKey())))
                .setHeader(getTranslation("certificateAdmin.title")).setWidth("10rem")
                .setTooltipGenerator(Certificate::title);
        grid.addColumn(c -> c.hours().toPlainString()).setHeader(getTranslation("certificateAdmin.hours"))
                .setAutoWidth(true);
        grid.addColumn(c -> ChineseDates.format(c.issuedOn(), getLocale()))
                .setHeader(getTranslation("certificateAdmin.issuedOn"))
                .setAutoWidth(true);
        // Sized from the first rows (often all 有效), a later 已撤销 badge was cut off: as wide as the language's
        // longest badge instead, which the bundle states beside the texts.
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("certificateAdmin.status"))
                .setWidth(getTranslation("certificateAdmin.statusWidth"));
        // At 1280 px the actions would be off-screen: they stay in view at the row's end.
        grid.addComponentColumn(this::actions).setHeader(getTranslation("certificateAdmin.actions")).setAutoWidth(true)
                .setFrozenToEnd(true);
        GridColumns.onlyGrow(grid, title);
        grid.setItems(query -> certificates.search(search.getValue(),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());

        add(new H2(getTranslation("nav.certificates")), toolbar, bulk, grid);
        setFlexGrow(1, grid);
    }

    private Span statusBadge(Certificate certificate) {
        CertificateStatus status = certificate.status(LocalDate.now(clock));
        Span badge = new Span(getTranslation(status.messageKey()));
        badge.getElement().getThemeList().add(status == CertificateStatus.VALID ? "badge success pill" : "badge error pill");
        if (status == CertificateStatus.REVOKED) {
            badge.setTitle(certificate.revokedReason());
        }
        return badge;
    }

    private HorizontalLayout actions(Certificate certificate) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        actions.add(CertificateDownloads.link(certificates, certificate, "PDF"));
        boolean replaced = certificate.replacedBy() != null;
        if (!certificate.revoked() && !replaced) {
            Button revoke = new Button(getTranslation("certificateAdmin.revoke"), e -> openRevoke(certificate));
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            revoke.addClassName("certificate-revoke");
            revoke.getElement().setAttribute("data-serial", certificate.serial());
            actions.add(revoke);
        }
        if (!replaced) {
            Button reissue = new Button(getTranslation("certificateAdmin.reissue"), e -> confirmReissue(certificate));
            reissue.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            reissue.addClassName("certificate-reissue");
            reissue.getElement().setAttribute("data-serial", certificate.serial());
            actions.add(reissue);
        }
        return actions;
    }

    private void openRevoke(Certificate certificate) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("certificateAdmin.revokeTitle", certificate.serial()));
        TextArea reason = new TextArea(getTranslation("certificateAdmin.reason"));
        reason.setId("revoke-reason");
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(300);
        reason.setWidthFull();
        Button confirm = new Button(getTranslation("certificateAdmin.revoke"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("certificate.revoke.reasonRequired"));
                return;
            }
            issuing.revoke(certificate.id(), reason.getValue());
            Notifications.success(getTranslation("certificateAdmin.revoked", certificate.serial()));
            dialog.close();
            grid.getDataProvider().refreshAll();
        });
        confirm.setId("revoke-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        Paragraph irreversible = new Paragraph(getTranslation("certificateAdmin.revokeFinal"));
        irreversible.setId("revoke-final");
        irreversible.addClassName("notice-warning");
        dialog.add(new Span(getTranslation("certificateAdmin.revokeText", certificate.holderName(), certificate.title())),
                irreversible, reason);
        dialog.getFooter().add(cancel, confirm);
        dialog.setWidth("32rem");
        dialog.open();
    }

    private void confirmReissue(Certificate certificate) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("certificateAdmin.reissue"));
        confirm.setText(getTranslation("certificateAdmin.reissueText", certificate.serial()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("certificateAdmin.reissue"));
        confirm.addConfirmListener(e -> {
            Certificate issued = issuing.reissue(certificate.id());
            Notifications.success(getTranslation("certificateAdmin.reissued", certificate.serial(), issued.serial()));
            grid.getDataProvider().refreshAll();
        });
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.certificates") + " | " + getTranslation("app.name");
    }
}
