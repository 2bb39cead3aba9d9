package cn.tzsw.college;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class HealthAndErrorsTest extends IntegrationTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void health_answers_up_without_sign_in() throws Exception {
        HttpResponse<String> response = get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void the_login_page_names_its_tab_icon_and_the_icon_is_served_without_sign_in() throws Exception {
        assertThat(get("/login").body()).contains("images/favicon.svg");
        HttpResponse<String> icon = get("/images/favicon.svg");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body()).startsWith("<svg");
    }

    @Test
    void anonymous_visitors_are_sent_to_the_login_page() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/trainees")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void an_error_page_is_friendly_and_never_carries_a_stack_trace() throws Exception {
        WebClient web = new WebClient(port);
        web.signIn("admin", "Demo@2026");
        HttpResponse<String> response = web.get("/no-such-page");
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.body()).contains("页面不存在").doesNotContain("at org.").doesNotContain("Exception");
    }
}
