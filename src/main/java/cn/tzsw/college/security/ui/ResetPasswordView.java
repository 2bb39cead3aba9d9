package cn.tzsw.college.security.ui;

import cn.tzsw.college.security.NewPassword;
import cn.tzsw.college.security.PasswordResets;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.ui.FormBinders;
import cn.tzsw.college.ui.FormErrors;
import cn.tzsw.college.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.validation.ConstraintViolationException;

/** The page a mailed reset link opens: the new password twice, once; a used or expired link says so. */
@Route("reset-password")
@AnonymousAllowed
class ResetPasswordView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    private final PasswordResets resets;

    ResetPasswordView(PasswordResets resets) {
        this.resets = resets;
        addClassName("narrow-page");
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        removeAll();
        add(new H2(getTranslation("passwordReset.newTitle")));
        if (!resets.usable(token)) {
            showInvalid();
            return;
        }
        PasswordField newPassword = new PasswordField(getTranslation("password.new"));
        newPassword.setHelperText(getTranslation("validation.password.size"));
        newPassword.setId("reset-new");
        PasswordField confirmation = new PasswordField(getTranslation("password.confirmation"));
        confirmation.setId("reset-confirmation");
        BeanValidationBinder<NewPassword> binder = FormBinders.forBean(NewPassword.class);
        binder.forField(newPassword).bind("newPassword");
        binder.forField(confirmation)
                .withValidator(value -> value.equals(newPassword.getValue()), getTranslation("validation.password.mismatch"))
                .bind("confirmation");
        binder.setBean(new NewPassword());
        FormLayout form = new FormLayout(newPassword, confirmation);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMaxWidth("28em");
        Button save = new Button(getTranslation("password.save"), e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            try {
                resets.complete(token, binder.getBean());
                Notifications.success(getTranslation("passwordReset.done"));
                getUI().ifPresent(ui -> ui.navigate("login"));
            } catch (BusinessRuleException | ConstraintViolationException refused) {
                if (refused instanceof BusinessRuleException rule && "passwordReset.invalid".equals(rule.messageKey())) {
                    removeAll();
                    add(new H2(getTranslation("passwordReset.newTitle")));
                    showInvalid();
                } else {
                    FormErrors.show(form, binder, refused);
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("reset-save");
        add(form, save);
    }

    private void showInvalid() {
        Paragraph invalid = new Paragraph(getTranslation("passwordReset.invalid"));
        invalid.setId("reset-invalid");
        add(invalid, new Anchor("forgot-password", getTranslation("passwordReset.again")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("passwordReset.newTitle") + " | " + getTranslation("app.name");
    }
}
