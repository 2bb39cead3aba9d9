package cn.tzsw.college.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Capacity of a node through the UI (issue 17): trainees open the catalogue, open a lecture, sign in and press
 * 立即报名, over Vaadin's own protocol, as a browser does (recorded from Chromium). Closed model: the number of
 * concurrent trainees rises in steps; each trainee does the journey with think time, then a new one takes its place.
 * At the end it prints per step p50/p95/max and errors, the last step with p95 under 1 s, the node's heap per session
 * and the seats (no lecture over capacity). Run with {@code ./mvnw -Pproduction,gatling verify}; see
 * docs/performance.md for the properties.
 */
public class CapacitySimulation extends Simulation {

    static final String BASE_URL = System.getProperty("capacity.baseUrl", "http://127.0.0.1:18417");
    static final CapacityRun RUN = new CapacityRun(Integer.getInteger("capacity.step", 10),
            Integer.getInteger("capacity.steps", 5),
            Duration.ofSeconds(Integer.getInteger("capacity.levelSeconds", 60)),
            Duration.ofSeconds(Integer.getInteger("capacity.rampSeconds", 10)),
            Duration.ofSeconds(Integer.getInteger("capacity.warmUpSeconds", 60)));
    static final Duration THINK = Duration.ofMillis(Integer.getInteger("capacity.thinkMillis", 3000));
    static final String JOURNEYS = System.getProperty("capacity.journeys", "target/capacity/journeys.csv");

    /** A full page load: Flow's bootstrap page carries the first UIDL answer (eager server load) and the tokens. */
    private static HttpRequestActionBuilder page(HttpRequestActionBuilder request) {
        return request.check(status().is(200), responseTimeInMillis().saveAs("rt"),
                regex("\"v-uiId\":(\\d+)").saveAs("uiId"),
                regex("\"Vaadin-Security-Key\":\"([^\"]+)\"").saveAs("securityKey"),
                regex("\"syncId\":(\\d+)").saveAs("syncId"),
                regex("\"clientId\":(\\d+)").saveAs("clientId"),
                regex("<meta name=\"_csrf\" content=\"([^\"]+)\"").saveAs("springCsrf"));
    }

    /** One UIDL round trip: the server's sync and client ids come back in every answer and go into the next. */
    private static HttpRequestActionBuilder uidl(String name, Function<Session, String> rpc) {
        return http(name).post("/?v-r=uidl&v-uiId=#{uiId}")
                .header("Content-Type", "application/json; charset=UTF-8")
                .body(StringBody(session -> "{\"csrfToken\":\"" + session.getString("securityKey") + "\",\"rpc\":["
                        + rpc.apply(session) + "],\"syncId\":" + session.getString("syncId") + ",\"clientId\":"
                        + session.getString("clientId") + "}"))
                .check(status().is(200), responseTimeInMillis().saveAs("rt"),
                        regex("\"syncId\":(\\d+)").saveAs("syncId"),
                        regex("\"clientId\":(\\d+)").saveAs("clientId"));
    }

    /**
     * The client's router: after a page load it reports the route it shows (trigger ""), a router link asks for
     * another (trigger "client"); the UI's root node is 1.
     */
    private static String navigate(String route, String trigger) {
        return "{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route
                + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"" + trigger
                + "\"}}";
    }

    /** A button's click as the browser sends it (mouse details included). */
    private static String click(String node) {
        return "{\"type\":\"event\",\"node\":" + node + ",\"event\":\"click\",\"data\":{\"event.shiftKey\":false,"
                + "\"event.metaKey\":false,\"event.detail\":1,\"event.ctrlKey\":false,\"event.clientX\":0,"
                + "\"event.clientY\":0,\"event.altKey\":false,\"event.button\":0,\"event.screenY\":0,"
                + "\"event.screenX\":0}}";
    }

    /** A UIDL change that gives an element its id: the element's node number is what a click is sent to. */
    private static String nodeWithId(String id) {
        return "\"node\":(\\d+),\"type\":\"put\",\"key\":\"id\",\"feat\":\\d+,\"value\":\"" + id + "\"";
    }

    /** Each request, then its time into the step it fell in; a failed request ends this trainee's journey. */
    private static ChainBuilder timed(String name, Function<String, HttpRequestActionBuilder> request) {
        return exec(request.apply(name)).exec(session -> {
            RUN.record(name, session.isFailed() ? -1 : session.getInt("rt"));
            return session;
        }).exitHereIfFailed();
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .acceptLanguageHeader("zh-CN,zh;q=0.9")
            .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) capacity-simulation")
            .disableCaching();

    /**
     * The journey as Chromium sent it (its AppLayout's drawer and field property syncs left out): page loads, the
     * client's first UIDL requests after each, router navigation, clicks; node numbers are read from the answers.
     */
    private final ScenarioBuilder journey = scenario("trainee registers through the UI")
            .feed(csv(JOURNEYS).queue())
            .exec(timed("catalogue", name -> page(http(name).get("/catalog"))
                    .check(regex(nodeWithId("catalog-grid")).saveAs("grid"))))
            .exec(timed("catalogue grid", name -> uidl(name, session -> "{\"type\":\"publishedEventHandler\",\"node\":"
                    + session.getString("grid") + ",\"templateEventMethodName\":\"confirmUpdate\","
                    + "\"templateEventMethodArgs\":[0],\"promise\":0}")))
            .exec(timed("catalogue shown", name -> uidl(name, session -> navigate("/catalog", ""))))
            .pause(THINK)
            .exec(timed("open lecture", name -> uidl(name,
                    session -> navigate("lectures/" + session.getString("lecture"), "client"))
                    .check(regex(nodeWithId("sign-in-to-register")).saveAs("signIn"))))
            .pause(THINK)
            .exec(timed("to sign-in", name -> uidl(name, session -> click(session.getString("signIn")))
                    .check(regex("\"value\":\"vaadin-login-form\"").exists())))
            .pause(THINK)
            // Vaadin's login form posts a plain form with Spring Security's token from the page; the answer
            // redirects to the start page, a new page load in the new session (timed on its own: the password
            // check is the costly part).
            .exec(timed("sign in", name -> http(name).post("/login")
                    .formParam("_csrf", "#{springCsrf}")
                    .formParam("username", "#{username}")
                    .formParam("password", LoadTestData.PASSWORD)
                    .disableFollowRedirect()
                    .check(status().is(302), responseTimeInMillis().saveAs("rt"),
                            headerRegex("Location", "/login\\?error").notExists(),
                            header("Location").saveAs("startPage"))))
            .exec(timed("start page", name -> page(http(name).get("#{startPage}"))))
            .exec(timed("start page shown", name -> uidl(name, session -> navigate("/", ""))))
            .pause(THINK)
            // Back to the lecture through the app (a router link), not a page load.
            .exec(timed("lecture signed in", name -> uidl(name,
                    session -> navigate("lectures/" + session.getString("lecture"), "client"))
                    .check(regex(nodeWithId("register")).saveAs("register"))))
            .pause(THINK)
            .exec(timed("立即报名", name -> uidl(name, session -> click(session.getString("register")))
                    .check(regex(nodeWithId("registration-status")).exists())))
            .exec(session -> {
                RUN.journeyDone();
                return session;
            });

    {
        // A warm-up at the first level (a fresh node's JIT is still compiling), then each step: a ramp up to the next
        // level and the level held; only the levels are measured.
        List<ClosedInjectionStep> steps = new ArrayList<>();
        steps.add(rampConcurrentUsers(0).to(RUN.users(0)).during(RUN.ramp()));
        steps.add(constantConcurrentUsers(RUN.users(0)).during(RUN.warmUp()));
        for (int i = 0; i < RUN.steps(); i++) {
            steps.add(i == 0 ? constantConcurrentUsers(RUN.users(0)).during(RUN.ramp())
                    : rampConcurrentUsers(RUN.users(i - 1)).to(RUN.users(i)).during(RUN.ramp()));
            steps.add(constantConcurrentUsers(RUN.users(i)).during(RUN.level()));
        }
        setUp(journey.injectClosed(steps)).protocols(protocol);
    }

    @Override
    public void before() {
        RUN.start(BASE_URL);
    }

    @Override
    public void after() {
        RUN.finish();
    }
}
