package cn.tzsw.college.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.WebClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Real form sign-in over HTTP, as the login page posts it. */
class SignInTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} signs in")
    @CsvSource({"admin,Demo@2026", "tz-coord,Demo@2026", "jj-coord,Demo@2026", "hm-coord,Demo@2026",
            "13800000001,Trainee@2026"})
    void each_role_signs_in_with_its_password(String username, String password) throws Exception {
        WebClient web = new WebClient(port);
        HttpResponse<String> response = web.signIn(username, password);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(web.get("/").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource({"admin,wrong-password", "nobody,Demo@2026"})
    void a_wrong_password_or_unknown_user_is_refused(String username, String password) throws Exception {
        HttpResponse<String> response = new WebClient(port).signIn(username, password);
        assertThat(response.headers().firstValue("Location").orElse("")).contains("/login?error");
    }
}
