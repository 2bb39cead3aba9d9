package cn.tzsw.college.ui;

import com.vaadin.flow.component.ReconnectDialogConfiguration;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/** Every new UI gets the visitor's language (also for the connection messages) and the friendly error handler. */
@Component
class UiInitializer implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(session -> session.getSession().setErrorHandler(new FriendlyErrorHandler()));
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            ui.setLocale(Languages.fromRequest(VaadinRequest.getCurrent()));
            // The client shows these in its connection indicator; its own are English only.
            ReconnectDialogConfiguration reconnect = ui.getReconnectDialogConfiguration();
            reconnect.setDialogText(ui.getTranslation("connection.reconnecting"));
            reconnect.setDialogTextGaveUp(ui.getTranslation("connection.lost"));
        });
    }
}
