package cn.tzsw.college.ui;

import cn.tzsw.college.shared.BusinessRuleException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors in click handlers and other UI events: the user reads a short message in their language, the log
 * gets the stack trace. Never the other way round.
 */
class FriendlyErrorHandler implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(FriendlyErrorHandler.class);

    @Override
    public void error(ErrorEvent event) {
        Throwable error = UserMessages.rootCause(event.getThrowable());
        if (!(error instanceof BusinessRuleException)) {
            log.error("Unhandled UI error", event.getThrowable());
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> Notifications.error(UserMessages.describe(ui, error)));
        }
    }
}
