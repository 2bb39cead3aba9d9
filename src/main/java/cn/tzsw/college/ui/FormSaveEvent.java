package cn.tzsw.college.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.shared.Registration;

/** Fired by a form once every field is valid; the view then saves {@link #data()} through its service. */
public class FormSaveEvent<T> extends ComponentEvent<Component> {

    private final transient T data;

    public FormSaveEvent(Component form, T data) {
        super(form, false);
        this.data = data;
    }

    public T data() {
        return data;
    }

    @SuppressWarnings("unchecked")
    public static <T> Registration listen(Component form, ComponentEventListener<FormSaveEvent<T>> listener) {
        return ComponentUtil.addListener(form, (Class<FormSaveEvent<T>>) (Class<?>) FormSaveEvent.class, listener);
    }
}
