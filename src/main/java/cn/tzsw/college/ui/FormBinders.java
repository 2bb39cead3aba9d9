package cn.tzsw.college.ui;

import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.RequiredFieldConfigurator;
import jakarta.validation.constraints.NotBlank;

/** Binders for the app's forms: bean validation, and the required mark on @NotBlank fields too. */
public final class FormBinders {

    private static final RequiredFieldConfigurator REQUIRED = RequiredFieldConfigurator.DEFAULT
            .chain((annotation, factory) -> annotation.annotationType().equals(NotBlank.class));

    private FormBinders() {
    }

    public static <T> BeanValidationBinder<T> forBean(Class<T> type) {
        BeanValidationBinder<T> binder = new BeanValidationBinder<>(type);
        binder.setRequiredConfigurator(REQUIRED);
        return binder;
    }
}
