package cn.tzsw.college.faults;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A view and an endpoint that fail as a bug would. They exist on the test classpath only (nothing links to them),
 * so that a test can see what an internal error answers.
 */
final class FailingPages {

    static final String VIEW = "test/failing-view";
    static final String ENDPOINT = "/api/public/test/failing-endpoint";

    private FailingPages() {
    }

    @Route(value = VIEW, autoLayout = false)
    @AnonymousAllowed
    static class FailingView extends Div implements BeforeEnterObserver {
        @Override
        public void beforeEnter(BeforeEnterEvent event) {
            throw new IllegalStateException("a bug while opening a view");
        }
    }

    @RestController
    static class FailingEndpoint {
        @GetMapping(ENDPOINT)
        String fail() {
            throw new IllegalStateException("a bug while answering a request");
        }
    }
}
