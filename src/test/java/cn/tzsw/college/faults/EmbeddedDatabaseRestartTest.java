package cn.tzsw.college.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tzsw.college.EmbeddedServers;
import cn.tzsw.college.EmbeddedServers.Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 1: an embedded MariaDB that dies (kill -9, the OOM killer) was never started again, and the
 * site stayed down for good. Now the app restarts it on the same port, so the pool's url stays right, with every
 * committed row; a server that cannot be restarted is given up after a few tries and reported down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDatabaseRestartTest {

    private static final Duration RESTART = Duration.ofSeconds(90);

    @TempDir
    static Path temp;

    /** The folder of the running server, kept for the next test while it runs (an install costs seconds). */
    private static Path folder;
    private Server server;

    @BeforeEach
    void aRunningServerWithRows() throws SQLException {
        if (folder == null || !EmbeddedServers.serving(folder)) {
            folder = temp.resolve("mariadb-" + System.nanoTime());
        }
        server = EmbeddedServers.start(folder, "college", null);
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS kept_row (id INT PRIMARY KEY)");
            sql.execute("INSERT IGNORE INTO kept_row SELECT seq FROM seq_1_to_500");
        }
    }

    @AfterAll
    static void stop() {
        if (folder != null) {
            EmbeddedServers.stop(folder);
        }
    }

    @Test
    @Order(1)
    void a_killed_server_is_started_again_on_its_port_with_every_row() throws Exception {
        ProcessHandle killed = mariadbd();
        killed.destroyForcibly();

        await("a new server runs").atMost(RESTART).ignoreExceptions() // no server process yet
                .until(() -> EmbeddedServers.serving(folder) && mariadbd().pid() != killed.pid());
        try (Connection connection = connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM kept_row")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(500);
        }
    }

    @Test
    @Order(2)
    void a_server_that_cannot_be_started_again_is_given_up_after_a_few_tries_and_reported_down() throws Exception {
        Path away = temp.resolve("moved-away");
        Files.move(folder, away); // the running server keeps its open files; a new one finds no database
        // the tries themselves are what counts here, not the app's seconds between them
        Duration pause = EmbeddedServers.restartPause(Duration.ofMillis(100));
        try {
            mariadbd().destroyForcibly();

            await("given up").atMost(RESTART).ignoreExceptions().until(() -> EmbeddedServers.givenUp(folder));
        } finally {
            EmbeddedServers.restartPause(pause);
        }
        assertThat(EmbeddedServers.serving(folder)).isFalse();
        assertThat(folder.resolve("mysql")).as("a database installed in its place").doesNotExist();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(server.url(), server.user(), server.password());
    }

    private ProcessHandle mariadbd() {
        return ProcessHandle.current().children()
                .filter(child -> child.info().arguments().stream().flatMap(Arrays::stream)
                        .anyMatch(argument -> argument.equals("--datadir=" + folder)))
                .findFirst().orElseThrow();
    }

}
