package cn.tzsw.college.security.ui;

import cn.tzsw.college.security.PasswordChange;
import cn.tzsw.college.ui.FormBinders;
import cn.tzsw.college.ui.FormSaveEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.shared.Registration;

/** The current password and the new one twice; fires {@link FormSaveEvent} when every field is valid. */
class PasswordChangeForm extends FormLayout {

    final PasswordField currentPassword = new PasswordField();
    final PasswordField newPassword = new PasswordField();
    final PasswordField confirmation = new PasswordField();
    private final BeanValidationBinder<PasswordChange> binder = FormBinders.forBean(PasswordChange.class);

    PasswordChangeForm() {
        currentPassword.setLabel(getTranslation("password.current"));
        currentPassword.setId("password-current");
        newPassword.setLabel(getTranslation("password.new"));
        newPassword.setHelperText(getTranslation("validation.password.size"));
        newPassword.setId("password-new");
        confirmation.setLabel(getTranslation("password.confirmation"));
        confirmation.setId("password-confirmation");
        binder.forField(confirmation)
                .withValidator(value -> value.equals(newPassword.getValue()), getTranslation("validation.password.mismatch"))
                .bind("confirmation");
        binder.bindInstanceFields(this);
        binder.setBean(new PasswordChange());

        Button save = new Button(getTranslation("password.save"), e -> {
            if (binder.validate().isOk()) {
                fireEvent(new FormSaveEvent<>(this, binder.getBean()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("password-save");
        add(currentPassword, newPassword, confirmation, save);
        setResponsiveSteps(new ResponsiveStep("0", 1));
        setMaxWidth("28em");
    }

    BeanValidationBinder<PasswordChange> binder() {
        return binder;
    }

    /** Empties the fields after a change, so the passwords do not stay in the page. */
    void clear() {
        binder.setBean(new PasswordChange());
    }

    Registration addSaveListener(ComponentEventListener<FormSaveEvent<PasswordChange>> listener) {
        return FormSaveEvent.listen(this, listener);
    }
}
