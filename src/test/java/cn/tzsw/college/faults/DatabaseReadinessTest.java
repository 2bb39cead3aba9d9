package cn.tzsw.college.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tzsw.college.DatabaseProperties;
import cn.tzsw.college.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14, item 1, as a process manager sees it: when the app's embedded MariaDB is killed, readiness says DOWN
 * within two seconds (it used to stay UP), and UP again once the app has restarted the server; the site then
 * answers from its database as before.
 */
class DatabaseReadinessTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseProperties database;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readiness_turns_down_within_two_seconds_of_the_database_being_killed_and_up_again_after_its_restart()
            throws Exception {
        Assumptions.assumeFalse(database.external(), "an external server is not the app's to restart");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        mariadbd(Path.of(database.dataDir()).toAbsolutePath().normalize()).destroyForcibly();

        await("readiness DOWN").atMost(Duration.ofSeconds(2))
                .until(() -> get("/actuator/health/readiness").statusCode() == 503);
        await("readiness UP again").atMost(Duration.ofSeconds(90))
                .until(() -> get("/actuator/health/readiness").statusCode() == 200);
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\""); // the pool's own check reaches the database again
    }

    /**
     * Requests under way when the server died give their connections back after it runs again: returned less than
     * half a second before, the pool would hand them out again unchecked, and the next request would fail on a
     * connection to the ended server (seen: the health check right after readiness said UP answered 503).
     */
    @Test
    void connections_in_use_when_the_database_died_are_not_handed_out_after_its_restart() throws Exception {
        Assumptions.assumeFalse(database.external(), "an external server is not the app's to restart");
        Path folder = Path.of(database.dataDir()).toAbsolutePath().normalize();
        List<Connection> inUse = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                inUse.add(dataSource.getConnection());
                assertThat(selectOne(inUse.getLast())).isEqualTo(1);
            }
            ProcessHandle killed = mariadbd(folder);

            killed.destroyForcibly();
            await("the server started again").atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> mariadbd(folder).pid() != killed.pid()
                            && get("/actuator/health/readiness").statusCode() == 200);
        } finally {
            for (Connection connection : inUse) {
                connection.close(); // given back after the restart (or, should the test fail, at all)
            }
        }

        for (int i = 0; i < inUse.size() + 1; i++) { // the same thread: the pool offers it what it gave back first
            assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);
        }
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    private static int selectOne(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet one = statement.executeQuery("SELECT 1")) {
            one.next();
            return one.getInt(1);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ProcessHandle mariadbd(Path folder) {
        return ProcessHandle.current().children()
                .filter(child -> child.info().arguments().stream().flatMap(Arrays::stream)
                        .anyMatch(argument -> argument.equals("--datadir=" + folder)))
                .findFirst().orElseThrow();
    }
}
