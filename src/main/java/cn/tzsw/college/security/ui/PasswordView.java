package cn.tzsw.college.security.ui;

import cn.tzsw.college.security.AccountService;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.ui.FormErrors;
import cn.tzsw.college.ui.Notifications;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolationException;

/** Every signed-in user changes their own password here (a reset password too, after the administrator's call). */
@Route("account/password")
@PermitAll
@Menu(title = "nav.password", order = 95, icon = "vaadin:lock")
class PasswordView extends VerticalLayout implements HasDynamicTitle {

    PasswordView(AccountService accounts) {
        PasswordChangeForm form = new PasswordChangeForm();
        form.addSaveListener(event -> {
            try {
                accounts.changeOwnPassword(event.data());
                form.clear();
                Notifications.success(getTranslation("password.changed"));
            } catch (BusinessRuleException | ConstraintViolationException e) {
                FormErrors.show(form, form.binder(), e);
            }
        });
        add(new H2(getTranslation("nav.password")), form);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.password") + " | " + getTranslation("app.name");
    }
}
