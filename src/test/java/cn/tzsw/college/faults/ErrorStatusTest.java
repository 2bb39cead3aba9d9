package cn.tzsw.college.faults;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.WebClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14, item 7: error pages answered HTTP 200. Now the status says what happened (404 unknown page, 403 a page
 * the role may not open, 500 an internal error; 503 for a database outage is in {@link DatabaseOutageTest}), for
 * Vaadin's views and for other requests alike, always with the friendly page and never a stack trace.
 */
class ErrorStatusTest extends IntegrationTest {

    @LocalServerPort
    int port;

    private WebClient signedIn(String username, String password) throws Exception {
        WebClient web = new WebClient(port);
        assertThat(web.signIn(username, password).headers().firstValue("Location").orElse("")).doesNotContain("error");
        return web;
    }

    private static void assertFriendly(HttpResponse<String> response, int status, String title) {
        assertThat(response.statusCode()).as("status of " + response.uri()).isEqualTo(status);
        assertThat(response.body()).contains(title).doesNotContain("Exception").doesNotContain("at cn.tzsw")
                .doesNotContain("at org.").doesNotContain("at java.");
    }

    @Test
    void an_unknown_page_answers_404_with_the_friendly_page_when_signed_in() throws Exception {
        assertFriendly(signedIn("admin", "Demo@2026").get("/no-such-page"), 404, "页面不存在");
    }

    @Test
    void an_unknown_page_answers_404_with_the_friendly_page_to_an_anonymous_visitor() throws Exception {
        assertFriendly(new WebClient(port).get("/no-such-page"), 404, "页面不存在");
    }

    @Test
    void an_unknown_file_answers_404_with_the_friendly_page() throws Exception {
        assertFriendly(new WebClient(port).get("/images/no-such-image.svg"), 404, "页面不存在");
    }

    @Test
    void a_page_the_role_may_not_open_answers_403_with_the_friendly_page() throws Exception {
        WebClient trainee = signedIn("13800000001", "Trainee@2026");
        assertFriendly(trainee.get("/admin/users"), 403, "无权访问");
        WebClient coordinator = signedIn("jj-coord", "Demo@2026");
        assertFriendly(coordinator.get("/admin/users"), 403, "无权访问");
    }

    @Test
    void a_view_that_fails_answers_500_with_the_friendly_page() throws Exception {
        assertFriendly(new WebClient(port).get("/" + FailingPages.VIEW), 500, "出错了");
        assertFriendly(signedIn("admin", "Demo@2026").get("/" + FailingPages.VIEW), 500, "出错了");
    }

    @Test
    void a_request_outside_the_views_that_fails_answers_500_with_the_friendly_page() throws Exception {
        assertFriendly(new WebClient(port).get(FailingPages.ENDPOINT), 500, "出错了");
    }
}
