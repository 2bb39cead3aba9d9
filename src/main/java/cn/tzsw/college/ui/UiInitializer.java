package cn.tzsw.college.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/** Every new UI gets the visitor's language and the friendly error handler. */
@Component
class UiInitializer implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(session -> session.getSession().setErrorHandler(new FriendlyErrorHandler()));
        event.getSource().addUIInitListener(ui -> ui.getUI().setLocale(Languages.fromRequest(VaadinRequest.getCurrent())));
    }
}
