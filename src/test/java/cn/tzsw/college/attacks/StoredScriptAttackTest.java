package cn.tzsw.college.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Text that users write (a course title, a trainee's work unit) reaches the first page of a view inside the script
 * that carries the view's initial state. A {@code </script>} in that text must not end the script there: the rest
 * would be read as markup, and a {@code <script>} after it would run in every visitor's browser.
 */
class StoredScriptAttackTest extends IntegrationTest {

    private static final String TITLE = "</script><script>alert('x')</script>讲座";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_script_in_a_course_title_stays_text_in_the_lecture_page_a_stranger_opens() throws Exception {
        long lecture = fixtures.openLecture(20, Map.of());
        jdbc.update("UPDATE course SET title = ? WHERE id = (SELECT course_id FROM lecture WHERE id = ?)", TITLE, lecture);

        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/lectures/" + lecture)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        List<Element> carrying = Jsoup.parse(page.body()).select("script").stream()
                .filter(script -> script.data().contains("alert('x')")).toList();
        assertThat(carrying).as("scripts that carry the title").hasSize(1);
        assertThat(carrying.getFirst().hasAttr("initial")).as("the title stays inside the initial state").isTrue();
    }
}
