package cn.tzsw.college;

import com.vaadin.browserless.BrowserlessTestSpringLookupInitializer;
import com.vaadin.browserless.ComponentQuery;
import com.vaadin.browserless.TesterWrappers;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.browserless.internal.Routes;
import com.vaadin.browserless.mocks.MockSpringServlet;
import com.vaadin.browserless.mocks.MockedUI;
import com.vaadin.browserless.mocks.SpringSecurityRequestCustomizer;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Base of the view tests without a browser (Vaadin's browserless testing): the real views, services and database of
 * the one application every {@link IntegrationTest} shares, driven through their server-side components in the test's
 * own thread, by a user signed in as the login form would sign them in. Chromium ({@code ui/BrowserTest}) stays for
 * what only a browser shows: scripts, the login form itself, layout on a phone, video, QR codes.
 */
@TestExecutionListeners(listeners = BrowserlessTestSpringLookupInitializer.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class ViewTest extends IntegrationTest implements TesterWrappers {

    /** Found once per run: scanning the class path for routes costs more than a test. */
    private static Routes routes;

    @Autowired
    private ApplicationContext applicationContext;
    @Autowired
    private Fixtures fixtures;

    /** Opens a new browser window, as after signing in as the user (null: a visitor who has not signed in). */
    protected void openAs(String username) {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
        if (username != null) {
            SecurityContextHolder.getContext().setAuthentication(fixtures.signedIn(username));
        }
        MockSpringServlet servlet = new MockSpringServlet(routes(), applicationContext, MockedUI::new);
        MockVaadin.setup(MockedUI::new, servlet,
                Set.of(BrowserlessTestSpringLookupInitializer.class, SpringSecurityRequestCustomizer.class));
    }

    @AfterEach
    void closeTheWindow() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    private static synchronized Routes routes() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews(Application.class.getPackageName());
        }
        return routes;
    }

    /** Goes to the view, as typing its address does, and returns it (failing if access control sent us elsewhere). */
    protected <T extends Component> T navigate(Class<T> view) {
        UI.getCurrent().navigate(view);
        return current(view);
    }

    protected <T extends Component> T navigate(Class<T> view, Map<String, String> parameters) {
        UI.getCurrent().navigate(view, new RouteParameters(parameters));
        return current(view);
    }

    /** Goes to the address, as typing it does, and returns what the window shows then (a view or an error page). */
    protected Component navigate(String location) {
        UI.getCurrent().navigate(location);
        return currentView();
    }

    /** The view (or error view) the window shows now. */
    protected Component currentView() {
        return (Component) UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst();
    }

    private <T extends Component> T current(Class<T> expected) {
        Component shown = currentView();
        if (!expected.isInstance(shown)) {
            throw new AssertionError("Expected " + expected.getSimpleName() + " but the window shows "
                    + shown.getClass().getName());
        }
        return expected.cast(shown);
    }

    /** Components of the type anywhere in the window (dialogs and notifications included). */
    protected <T extends Component> ComponentQuery<T> $(Class<T> type) {
        return new ComponentQuery<>(type);
    }

    /** The first rows of the grid, each as the texts of its cells joined by " | ". */
    protected List<String> rows(Grid<?> grid, int most) {
        return cells(grid, most);
    }

    private <Y> List<String> cells(Grid<Y> grid, int most) {
        GridTester<Grid<Y>, Y> tester = test(grid);
        int columns = grid.getColumns().size();
        return IntStream.range(0, Math.min(tester.size(), most))
                .mapToObj(row -> IntStream.range(0, columns).mapToObj(column -> tester.getCellText(row, column))
                        .map(String::valueOf).collect(Collectors.joining(" | ")))
                .toList();
    }

    /** The text a person reads in the component (not in its properties: labels, placeholders, grid cells). */
    protected static String textOf(Component component) {
        return component.getElement().getTextRecursively();
    }

    /** The texts of the notifications shown now. */
    protected List<String> notifications() {
        return $(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }
}
