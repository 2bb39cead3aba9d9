package cn.tzsw.college;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.registration.RegistrationService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operator's metrics over real HTTP: only a scraper with the configured token reads them (the figures tell a
 * stranger how busy and how large the college is), and they move with what happens.
 */
class MetricsEndpointTest extends IntegrationTest {

    private static final String VILLAGE = "331002001003";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    RegistrationService registrations;

    @Test
    void a_caller_without_the_scrapers_token_gets_no_metrics() throws Exception {
        for (String authorization : new String[] {null, "Bearer wrong-token", "Basic YWRtaW46RGVtb0AyMDI2",
                "Bearer " + TOKEN + "x", "Bearer "}) {
            HttpResponse<String> response = scrape(authorization);
            assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(response.body()).doesNotContain("hikaricp").doesNotContain("college_");
        }
        WebClient admin = new WebClient(port);
        admin.signIn("admin", "Demo@2026");
        assertThat(admin.get("/actuator/prometheus").statusCode()).as("a signed-in administrator's session")
                .isEqualTo(401);
    }

    @Test
    void the_scraper_reads_registrations_heartbeats_outbox_certificate_jobs_and_the_pool() throws Exception {
        HttpResponse<String> before = scrape("Bearer " + TOKEN);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains("college_heartbeats_total", "college_outbox_oldest_wait_seconds",
                "college_outbox_last_look_age_seconds", "college_certificate_jobs{state=\"QUEUED\"}",
                "college_certificates_issued_total{kind=\"COMPLETION\"}", "hikaricp_connections_active",
                "hikaricp_connections_pending");

        List<String> phones = fixtures.trainees(1, VILLAGE, false);
        long lectureId = fixtures.openLecture(5, Map.of());
        fixtures.as(phones.getFirst(), () -> registrations.register(lectureId));

        HttpResponse<String> after = scrape("Bearer " + TOKEN);
        assertThat(value(after.body(), "college_registrations_total{event=\"recorded\"}"))
                .isEqualTo(value(before.body(), "college_registrations_total{event=\"recorded\"}") + 1);
    }

    private HttpResponse<String> scrape(String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A sample's value in the Prometheus text format (0 when the series has no sample yet). */
    private static double value(String body, String series) {
        Matcher sample = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(body);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }
}
