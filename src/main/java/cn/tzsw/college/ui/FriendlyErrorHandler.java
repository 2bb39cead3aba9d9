package cn.tzsw.college.ui;

import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.DatabaseFailures;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors in click handlers and other UI events: the user reads a short message in their language, the log
 * gets the stack trace. Never the other way round. A database that cannot be reached is told as such.
 */
class FriendlyErrorHandler implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(FriendlyErrorHandler.class);

    @Override
    public void error(ErrorEvent event) {
        Throwable error = event.getThrowable();
        if (DatabaseFailures.unreachable(error)) {
            // One line per failed click: the outage itself is what the operator needs to see, not its stack.
            log.warn("Database unavailable: {}", DatabaseFailures.summary(error));
        } else if (!(UserMessages.rootCause(error) instanceof BusinessRuleException)) {
            log.error("Unhandled UI error", error);
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> Notifications.error(UserMessages.describe(ui, error)));
        }
    }
}
