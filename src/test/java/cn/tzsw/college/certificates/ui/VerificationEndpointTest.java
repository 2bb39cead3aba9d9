package cn.tzsw.college.certificates.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.certificates.Certificate;
import cn.tzsw.college.certificates.CertificateIssuing;
import cn.tzsw.college.security.SystemTasks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The public verification page and API, over real HTTP and without signing in. */
class VerificationEndpointTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CertificateIssuing issuing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MissLimiter limiter;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void forgetMisses() {
        limiter.forget("127.0.0.1");
        limiter.forget("0:0:0:0:0:0:0:1");
    }

    HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept)
                .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString());
    }

    Certificate issued() {
        String phone = fixtures.trainees(1, "331002001003", false).getFirst();
        long trainee = jdbc.queryForObject("SELECT id FROM trainee WHERE phone = ?", Long.class, phone);
        long lecture = fixtures.openLecture(5, Map.of());
        long course = jdbc.queryForObject("SELECT course_id FROM lecture WHERE id = ?", Long.class, lecture);
        jdbc.update("INSERT INTO hours_entry (trainee_id, lecture_id, course_id, title, source, hours, earned_on,"
                + " recorded_at) VALUES (?, ?, ?, '验证测试课程', 'VIDEO', 1.5, CURDATE(), NOW())", trainee, lecture, course);
        return SystemTasks.runAsSystem(() -> issuing.issueCompletion(trainee, lecture));
    }

    @Test
    void anyone_verifies_a_certificate_on_the_page_and_through_the_api_and_sees_a_revocation() throws Exception {
        Certificate certificate = issued();

        HttpResponse<String> page = get("/verify/" + certificate.code(), "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("有效", certificate.serial(), "验证测试课程", "1.5")
                .doesNotContain(certificate.holderName());
        HttpResponse<String> api = get("/api/certificates/" + certificate.printedCode(), "application/json");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"status\":\"VALID\"", "\"serial\":\"" + certificate.serial() + "\"");

        SystemTasks.runAsSystem(() -> {
            issuing.revoke(certificate.id(), "重复颁发");
            return null;
        });
        assertThat(get("/verify/" + certificate.code(), "text/html").body()).contains("已撤销", "重复颁发");
        assertThat(get("/api/certificates/" + certificate.code(), "application/json").body())
                .contains("\"status\":\"REVOKED\"", "\"revokedReason\":\"重复颁发\"");
    }

    @Test
    void an_unknown_code_is_a_plain_not_found() throws Exception {
        HttpResponse<String> api = get("/api/certificates/AAAABBBBCCCCDDDDEEEE", "application/json");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).isEqualTo("{\"error\":\"not found\"}");
        HttpResponse<String> page = get("/verify/AAAABBBBCCCCDDDDEEEE", "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("未找到");
    }

    @Test
    void a_client_that_keeps_guessing_codes_is_refused_for_a_while() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(get("/api/certificates/GUESS%015dAA".formatted(i).replace('0', 'A').replace('1', 'B')
                    .replace('8', 'C').replace('9', 'D'), "application/json").statusCode()).isEqualTo(404);
        }
        assertThat(get("/api/certificates/AAAABBBBCCCCDDDDEEEE", "application/json").statusCode()).isEqualTo(429);
        // Even a real code gets no answer until the window has passed.
        Certificate certificate = issued();
        assertThat(get("/verify/" + certificate.code(), "text/html").statusCode()).isEqualTo(429);
        limiter.forget("127.0.0.1");
        limiter.forget("0:0:0:0:0:0:0:1");
        assertThat(get("/verify/" + certificate.code(), "text/html").statusCode()).isEqualTo(200);
    }
}
