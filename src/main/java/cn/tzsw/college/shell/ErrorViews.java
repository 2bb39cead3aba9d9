package cn.tzsw.college.shell;

import cn.tzsw.college.ui.UserMessages;
import cn.tzsw.college.shared.BusinessRuleException;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/** Error pages in the user's language: a sentence and a way home, never a stack trace. */
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
    }

    @AnonymousAllowed
    static class NotFoundPage extends FriendlyErrorPage implements HasErrorParameter<NotFoundException> {
        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
            show("error.notFound.title", getTranslation("error.notFound.message"));
            return HttpServletResponse.SC_NOT_FOUND;
        }
    }

    @AnonymousAllowed
    static class AccessDeniedPage extends FriendlyErrorPage implements HasErrorParameter<AccessDeniedException> {
        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
            show("error.accessDenied.title", getTranslation("error.accessDenied"));
            return HttpServletResponse.SC_FORBIDDEN;
        }
    }

    @AnonymousAllowed
    static class ServerErrorPage extends FriendlyErrorPage implements HasErrorParameter<Exception> {
        private static final Logger log = LoggerFactory.getLogger(ServerErrorPage.class);

        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
            Exception error = parameter.getException();
            if (!(UserMessages.rootCause(error) instanceof BusinessRuleException)) {
                log.error("Error while opening {}", event.getLocation().getPath(), error);
            }
            show("error.title", UserMessages.describe(this, error));
            return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
    }
}
