package cn.tzsw.college.shell;

import cn.tzsw.college.ui.UserMessages;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.DatabaseFailures;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * Error pages in the user's language, inside the app's frame (header and menu, so one is never stranded): a sentence
 * and a way home, never a stack trace.
 */
final class ErrorViews {

    private ErrorViews() {
    }

    abstract static class FriendlyErrorPage extends Div {

        void show(String titleKey, String message) {
            removeAll();
            addClassName("error-page");
            H2 title = new H2(getTranslation(titleKey));
            title.setId("error-title");
            add(title, new Paragraph(message), new Anchor("", getTranslation("error.home")));
        }

        int showAccessDenied() {
            show("error.accessDenied.title", getTranslation("error.accessDenied"));
            return HttpServletResponse.SC_FORBIDDEN;
        }
    }

    @AnonymousAllowed
    @ParentLayout(MainLayout.class)
    static class NotFoundPage extends FriendlyErrorPage implements HasErrorParameter<NotFoundException> {
        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
            show("error.notFound.title", getTranslation("error.notFound.message"));
            return HttpServletResponse.SC_NOT_FOUND;
        }
    }

    /** A service's method security refused the signed-in user. */
    @AnonymousAllowed
    @ParentLayout(MainLayout.class)
    static class AccessDeniedPage extends FriendlyErrorPage implements HasErrorParameter<AccessDeniedException> {
        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
            return showAccessDenied();
        }
    }

    /**
     * The route's own roles refuse the signed-in user (Vaadin's access check). Vaadin's default page would answer
     * 404 as if the route did not exist; the page says the same as the static 4xx page ("does not exist or may
     * not be opened"), with the status that says what happened.
     */
    @AnonymousAllowed
    @ParentLayout(MainLayout.class)
    static class RouteAccessDeniedPage extends FriendlyErrorPage
            implements HasErrorParameter<com.vaadin.flow.router.AccessDeniedException> {
        @Override
        public int setErrorParameter(BeforeEnterEvent event,
                                     ErrorParameter<com.vaadin.flow.router.AccessDeniedException> parameter) {
            return showAccessDenied();
        }
    }

    @AnonymousAllowed
    @ParentLayout(MainLayout.class)
    static class ServerErrorPage extends FriendlyErrorPage implements HasErrorParameter<Exception> {
        private static final Logger log = LoggerFactory.getLogger(ServerErrorPage.class);

        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
            Exception error = parameter.getException();
            if (DatabaseFailures.unreachable(error)) {
                log.warn("Database unavailable while opening {}: {}", event.getLocation().getPath(),
                        DatabaseFailures.summary(error));
                show("error.unavailable.title", UserMessages.describe(this, error));
                return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            }
            if (!(UserMessages.rootCause(error) instanceof BusinessRuleException)) {
                log.error("Error while opening {}", event.getLocation().getPath(), error);
            }
            show("error.title", UserMessages.describe(this, error));
            return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
    }
}
