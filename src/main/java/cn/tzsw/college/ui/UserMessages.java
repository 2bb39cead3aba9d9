package cn.tzsw.college.ui;

import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.DatabaseFailures;
import com.vaadin.flow.component.Component;
import jakarta.validation.ConstraintViolationException;
import org.springframework.security.access.AccessDeniedException;

/** Turns what a service threw into one sentence the user can act on. */
public final class UserMessages {

    private UserMessages() {
    }

    public static String describe(Component context, Throwable error) {
        if (DatabaseFailures.unreachable(error)) {
            return context.getTranslation("error.unavailable");
        }
        Throwable cause = rootCause(error);
        if (cause instanceof BusinessRuleException rule) {
            return context.getTranslation(rule.messageKey(), rule.arguments());
        }
        if (cause instanceof AccessDeniedException) {
            return context.getTranslation("error.accessDenied");
        }
        if (cause instanceof ConstraintViolationException violations && !violations.getConstraintViolations().isEmpty()) {
            // The service's own check caught what the form did not: name the first rule, in the user's language.
            var violation = violations.getConstraintViolations().iterator().next();
            String template = violation.getMessageTemplate();
            boolean ownKey = template.startsWith("{") && template.endsWith("}") && !template.startsWith("{jakarta.");
            return ownKey ? context.getTranslation(template.substring(1, template.length() - 1)) : violation.getMessage();
        }
        return context.getTranslation("error.unexpected");
    }

    public static Throwable rootCause(Throwable error) {
        Throwable current = error;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof BusinessRuleException) && !(current instanceof AccessDeniedException)
                && !(current instanceof ConstraintViolationException)) {
            current = current.getCause();
        }
        return current;
    }
}
