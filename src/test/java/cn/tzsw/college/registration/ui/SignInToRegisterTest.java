package cn.tzsw.college.registration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.ViewTest;
import cn.tzsw.college.WebClient;
import cn.tzsw.college.attendance.LecturesUnderway;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.Location;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 「登录后报名」 on a lecture's page: after signing in the trainee is back on that lecture, where 立即报名 is shown;
 * and where the sign-in leads is never an address on another site.
 */
class SignInToRegisterTest extends ViewTest {

    private static final String TRAINEE = "13800000005";
    private static final String PASSWORD = "Trainee@2026";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    LecturesUnderway lectures;

    @Test
    void the_sign_in_button_opens_the_login_page_with_the_lecture_to_continue_to() {
        long lecture = fixtures.openLecture(20, Map.of());
        openAs(null);
        navigate("lectures/" + lecture);

        test($(Button.class).id("sign-in-to-register")).click();

        assertThat(currentView().getClass().getSimpleName()).isEqualTo("LoginView");
        Location location = UI.getCurrent().getActiveViewLocation();
        assertThat(location.getPath()).isEqualTo("login");
        assertThat(location.getQueryParameters().getSingleParameter("continue")).contains("/lectures/" + lecture);
    }

    @Test
    void after_signing_in_the_trainee_is_back_on_the_lecture_with_its_register_button() throws Exception {
        long lecture = fixtures.openLecture(20, Map.of());
        WebClient web = new WebClient(port);
        web.view("login", "continue=" + encode("/lectures/" + lecture));

        String target = redirect(web.signIn(TRAINEE, PASSWORD));

        assertThat(target).isEqualTo("/lectures/" + lecture);
        assertThat(web.view("lectures/" + lecture, "")).contains("立即报名").doesNotContain("登录后报名");
    }

    @Test
    void a_wrong_password_first_does_not_lose_the_lecture() throws Exception {
        long lecture = fixtures.openLecture(20, Map.of());
        // A trainee of its own: the wrong password counts towards a lock.
        String trainee = fixtures.trainees(1, "331002001003", false).getFirst();
        lectures.givePassword(List.of(trainee), PASSWORD);
        WebClient web = new WebClient(port);
        web.view("login", "continue=" + encode("/lectures/" + lecture));
        assertThat(redirect(web.signIn(trainee, "wrong-password"))).startsWith("/login?error");
        web.view("login", "error");

        assertThat(redirect(web.signIn(trainee, PASSWORD))).isEqualTo("/lectures/" + lecture);
    }

    @Test
    void an_address_on_another_site_is_ignored_and_the_sign_in_leads_home() throws Exception {
        for (String elsewhere : List.of("https://evil.example/lectures/1", "//evil.example/lectures/1",
                "/\\evil.example/lectures/1", "http:evil.example", " //evil.example")) {
            WebClient web = new WebClient(port);
            web.view("login", "continue=" + encode(elsewhere));

            assertThat(redirect(web.signIn(TRAINEE, PASSWORD))).as(elsewhere).isEqualTo("/");
        }
    }

    /** The path (and query) the answer redirects to on this site; fails for an address elsewhere. */
    private static String redirect(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        String header = response.headers().firstValue("Location").orElseThrow();
        URI location = URI.create(header);
        assertThat(location.getHost()).as(header).isIn(null, "localhost");
        assertThat(header).as(header).doesNotStartWith("//");
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
