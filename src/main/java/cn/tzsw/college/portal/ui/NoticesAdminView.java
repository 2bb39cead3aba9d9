package cn.tzsw.college.portal.ui;

import cn.tzsw.college.portal.Notice;
import cn.tzsw.college.portal.NoticeService;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.ui.DatePickerTexts;
import cn.tzsw.college.ui.Notifications;
import cn.tzsw.college.ui.UserMessages;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;

/** 通知公告 for administrators: write, edit, publish with a date, take back. */
@Route("admin/notices")
@RolesAllowed(Role.Names.ADMIN)
@Menu(title = "nav.notices", order = 48, icon = "vaadin:megaphone")
class NoticesAdminView extends VerticalLayout implements HasDynamicTitle {

    private final NoticeService notices;
    private final Clock clock;
    private final Grid<Notice> grid = new Grid<>();

    NoticesAdminView(NoticeService notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
        setSizeFull();
        Button create = new Button(getTranslation("notice.new"), e -> edit(null));
        create.setId("notice-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("notice-grid");
        grid.addComponentColumn(n -> new Anchor("notices/" + n.id(), n.title())).setHeader(getTranslation("notice.title"))
                .setFlexGrow(1);
        grid.addColumn(n -> n.published() ? ChineseDates.format(n.publishedOn(), getLocale()) : getTranslation("notice.draft"))
                .setHeader(getTranslation("notice.date")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("notice.actions")).setAutoWidth(true)
                .setFlexGrow(0).setFrozenToEnd(true);
        grid.setItems(query -> notices.all(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.setEmptyStateText(getTranslation("portal.noNotices"));
        add(new H2(getTranslation("nav.notices")), create, grid);
        setFlexGrow(1, grid);
    }

    private Div actions(Notice notice) {
        Button edit = new Button(getTranslation("notice.edit"), e -> edit(notice));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Button toggle = notice.published()
                ? new Button(getTranslation("notice.unpublish"), e -> act(() -> notices.unpublish(notice.id())))
                : new Button(getTranslation("notice.publish"), e -> publish(notice));
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        toggle.addClassName(notice.published() ? "notice-unpublish" : "notice-publish");
        return new Div(edit, toggle);
    }

    private void edit(Notice notice) {
        Dialog dialog = new Dialog(getTranslation(notice == null ? "notice.new" : "notice.edit"));
        TextField title = new TextField(getTranslation("notice.title"));
        title.setId("notice-title-field");
        title.setRequired(true);
        title.setMaxLength(120);
        TextArea body = new TextArea(getTranslation("notice.body"));
        body.setId("notice-body-field");
        body.setRequired(true);
        body.setMinHeight("12em");
        if (notice != null) {
            title.setValue(notice.title());
            body.setValue(notice.body());
        }
        FormLayout form = new FormLayout(title, body);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setWidth("min(40em, 80vw)");
        dialog.add(form);
        Button save = new Button(getTranslation("notice.save"), e -> {
            try {
                if (notice == null) {
                    notices.create(title.getValue(), body.getValue());
                } else {
                    notices.update(notice.id(), title.getValue(), body.getValue());
                }
                dialog.close();
                Notifications.success(getTranslation("notice.saved"));
                grid.getDataProvider().refreshAll();
            } catch (BusinessRuleException refused) {
                HasValidation field = "body".equals(refused.field()) ? body : title;
                field.setErrorMessage(UserMessages.describe(this, refused));
                field.setInvalid(true);
            }
        });
        save.setId("notice-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("notice.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void publish(Notice notice) {
        Dialog dialog = new Dialog(getTranslation("notice.publish"));
        DatePicker date = new DatePicker(getTranslation("notice.date"), LocalDate.now(clock));
        date.setId("notice-date-field");
        date.setI18n(DatePickerTexts.i18n());
        dialog.add(date);
        Button publish = new Button(getTranslation("notice.publish"), e -> {
            act(() -> notices.publish(notice.id(), date.getValue()));
            dialog.close();
        });
        publish.setId("notice-publish-confirm");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("notice.cancel"), e -> dialog.close()), publish);
        dialog.open();
    }

    private void act(Runnable action) {
        try {
            action.run();
            grid.getDataProvider().refreshAll();
        } catch (BusinessRuleException refused) {
            Notifications.error(UserMessages.describe(this, refused));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.notices") + " | " + getTranslation("app.name");
    }
}
