package cn.tzsw.college.ui;

import cn.tzsw.college.shared.BusinessRuleException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.data.binder.Binder;

/** Shows a service's refusal next to the field it concerns, or as a notification when it concerns none. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void show(Component form, Binder<?> binder, RuntimeException error) {
        String message = UserMessages.describe(form, error);
        if (error instanceof BusinessRuleException rule && rule.field() != null) {
            var field = binder.getBinding(rule.field()).map(b -> b.getField()).orElse(null);
            if (field instanceof HasValidation validated) {
                validated.setErrorMessage(message);
                validated.setInvalid(true);
                return;
            }
        }
        Notifications.error(message);
    }
}
