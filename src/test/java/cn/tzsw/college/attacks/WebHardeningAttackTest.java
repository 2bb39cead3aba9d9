package cn.tzsw.college.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.WebClient;
import cn.tzsw.college.attendance.LectureSetup;
import cn.tzsw.college.attendance.LecturesUnderway;
import cn.tzsw.college.security.SystemTasks;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13, finding 8 (web hardening), over real HTTP: a Content-Security-Policy, {@code nosniff} and a
 * Referrer-Policy on every kind of response (sign-in page, Vaadin views, static files); a session cookie that
 * other sites' requests do not carry ({@code SameSite}); a lecture's video only for those who may watch it; and
 * {@code GET /error} opened directly is no server error.
 */
class WebHardeningAttackTest extends IntegrationTest {

    private static final String PASSWORD = "Harden@2026";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    LecturesUnderway lectures;
    @Autowired
    LectureSetup setup;

    private HttpResponse<String> anonymous(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertHardened(HttpHeaders headers) {
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'self'", "base-uri 'self'"));
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
    }

    @Test
    void the_sign_in_page_sends_the_security_headers() throws Exception {
        HttpResponse<String> login = anonymous("/login");

        assertThat(login.statusCode()).isEqualTo(200);
        assertHardened(login.headers());
    }

    @Test
    void a_view_after_sign_in_sends_the_security_headers() throws Exception {
        WebClient web = new WebClient(port);
        web.signIn("admin", "Demo@2026");

        HttpResponse<String> view = web.get("/trainees");

        assertThat(view.statusCode()).isEqualTo(200);
        assertHardened(view.headers());
    }

    @Test
    void a_static_file_sends_the_security_headers() throws Exception {
        HttpResponse<String> css = anonymous("/styles.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertHardened(css.headers());
    }

    @Test
    void a_page_is_stored_by_no_cache() throws Exception {
        HttpResponse<String> login = anonymous("/login");

        assertThat(login.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache)
                .contains("no-store", "no-cache"));
    }

    /**
     * A browser takes the page's scripts and styles from its cache without asking again: "Pragma: no-cache" beside
     * a static file's own Cache-Control makes Chromium revalidate it on every page load (a round trip for each of
     * the twenty files of a Vaadin page, on a phone's network).
     */
    @Test
    void a_static_file_is_cached_without_asking_again() throws Exception {
        String script = Pattern.compile("/VAADIN/build/indexhtml-[^\"]+\\.js").matcher(anonymous("/login").body())
                .results().findFirst().orElseThrow().group();

        for (String path : List.of(script, "/styles.css")) {
            HttpHeaders headers = anonymous(path).headers();
            assertThat(headers.firstValue("Cache-Control")).as(path).hasValueSatisfying(cache -> assertThat(cache)
                    .contains("max-age=").doesNotContain("no-cache", "no-store", "max-age=0"));
            assertThat(headers.allValues("Pragma")).as(path).noneMatch(pragma -> pragma.contains("no-cache"));
            assertThat(headers.allValues("Expires")).as(path).doesNotContain("0");
        }
    }

    @Test
    void the_session_cookie_is_same_site_and_out_of_reach_of_scripts() throws Exception {
        HttpResponse<String> login = anonymous("/login");

        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
    }

    @Test
    void the_error_path_opened_directly_is_not_a_server_error() throws Exception {
        HttpResponse<String> error = anonymous("/error");

        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.body()).contains("页面不存在", "The page does not exist").doesNotContain("Exception").doesNotContain("at org.");
        assertHardened(error.headers());
        WebClient web = new WebClient(port);
        web.signIn("admin", "Demo@2026");
        HttpResponse<String> signedIn = web.get("/error");
        assertThat(signedIn.statusCode()).isEqualTo(404);
        assertThat(signedIn.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void only_those_who_may_watch_a_lecture_download_its_video() throws Exception {
        List<String> registered = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false);
        List<String> stranger = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false);
        LecturesUnderway.Lecture lecture = lectures.startedMinutesAgo(-60 * 24, registered);
        try (InputStream mp4 = getClass().getResourceAsStream("/video/lecture-12s.mp4")) {
            SystemTasks.runAsSystem(() -> setup.uploadVideo(lecture.id(), "讲座.mp4", mp4));
        }
        lectures.givePassword(List.of(registered.get(0), stranger.get(0)), PASSWORD);
        String video = "/media/lectures/" + lecture.id() + "/video";

        assertThat(signedIn("jj-coord", "Demo@2026").getRange(video, "bytes=0-99").statusCode())
                .as("a coordinator").isEqualTo(403);
        assertThat(signedIn(stranger.get(0), PASSWORD).getRange(video, "bytes=0-99").statusCode())
                .as("a trainee without registration").isEqualTo(403);
        HttpResponse<byte[]> part = signedIn(registered.get(0), PASSWORD).getRange(video, "bytes=100-199");
        assertThat(part.statusCode()).as("a registered trainee").isEqualTo(206);
        assertThat(part.body()).hasSize(100);
        assertThat(signedIn("admin", "Demo@2026").getRange(video, "bytes=0-99").statusCode())
                .as("the responsible administrator").isEqualTo(206);
    }

    private WebClient signedIn(String username, String password) throws Exception {
        WebClient web = new WebClient(port);
        web.signIn(username, password);
        return web;
    }
}
