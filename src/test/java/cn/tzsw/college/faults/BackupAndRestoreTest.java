package cn.tzsw.college.faults;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.DatabaseBackup;
import cn.tzsw.college.EmbeddedServers;
import cn.tzsw.college.EmbeddedServers.Server;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14, item 10: one command backs the database up while the app runs, one restores it. The database has the
 * app's whole schema (its changelog: tables, triggers, routines, a sequence) and rows of every kind; the commands
 * run in JVMs of their own, as an operator runs them, beside the server this test holds as the app would. The
 * tests share the database (installing it and running the changelog cost more than either test): each takes its own
 * backup of whatever it finds.
 */
class BackupAndRestoreTest {

    @TempDir
    static Path temp;

    private static Path folder;
    private static HikariDataSource app;

    @BeforeAll
    static void theAppsDatabaseWithItsSchemaAndRows() throws Exception {
        folder = temp.resolve("mariadb");
        Server server = EmbeddedServers.start(folder, "college", null);
        app = new HikariDataSource();
        app.setJdbcUrl(server.url());
        app.setUsername(server.user());
        app.setPassword(server.password());
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(app);
        liquibase.setChangeLog("classpath:db-changelog/db.changelog-master.xml");
        liquibase.setResourceLoader(new DefaultResourceLoader());
        liquibase.afterPropertiesSet();

        JdbcTemplate sql = new JdbcTemplate(app);
        sql.execute("CREATE TABLE kept_note (id INT PRIMARY KEY, text VARCHAR(200), data VARBINARY(16),"
                + " at DATETIME(6))");
        for (int id = 1; id <= 300; id++) {
            sql.update("INSERT INTO kept_note VALUES (?, ?, ?, NOW(6))", id, "继续教育学时 " + id + " 'quoted' \\ done",
                    new byte[] {0, (byte) id, -1, '\n'});
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
            EmbeddedServers.stop(folder);
        }
    }

    @Test
    void a_backup_taken_while_the_app_runs_restores_every_row_after_the_data_changed() throws Exception {
        JdbcTemplate sql = new JdbcTemplate(app);
        Map<String, Object> before = contents(sql);
        Path backup = temp.resolve("college.sql");

        assertThat(succeeds("backup", backup)).contains("Backed up database college");

        sql.update("DELETE FROM kept_note WHERE id > 100");
        sql.update("UPDATE kept_note SET text = 'changed' WHERE id = 1");
        sql.execute("DROP TRIGGER IF EXISTS " + sql.queryForObject(
                "SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = 'college' LIMIT 1",
                String.class));
        sql.execute("CREATE TABLE made_after_the_backup (id INT)");
        assertThat(contents(sql)).isNotEqualTo(before);

        assertThat(succeeds("restore", backup)).contains("Restored database college");

        assertThat(contents(sql)).isEqualTo(before);
    }

    @Test
    void a_backup_cut_short_is_refused_and_the_database_is_left_as_it_is() throws Exception {
        JdbcTemplate sql = new JdbcTemplate(app);
        Path backup = temp.resolve("college.sql");
        succeeds("backup", backup);
        String whole = Files.readString(backup);
        Files.writeString(backup, whole.substring(0, whole.length() / 2)); // a full disk, a killed backup
        sql.update("DELETE FROM kept_note WHERE id > 100");
        Map<String, Object> before = contents(sql);

        Process restore = run("restore", backup);

        assertThat(restore.exitValue()).isEqualTo(1);
        assertThat(Files.readString(temp.resolve("restore.out"))).contains("is not a complete backup");
        assertThat(contents(sql)).isEqualTo(before);
    }

    /** Every table's name, kind and checksum, every routine and every trigger with its definition. */
    private static Map<String, Object> contents(JdbcTemplate sql) {
        Map<String, Object> contents = new LinkedHashMap<>();
        for (Map<String, Object> table : sql.queryForList("SELECT table_name, table_type FROM information_schema.tables"
                + " WHERE table_schema = 'college' ORDER BY table_name")) {
            String name = (String) table.get("table_name");
            Object checksum = "BASE TABLE".equals(table.get("table_type"))
                    ? sql.queryForMap("CHECKSUM TABLE `" + name + "`").get("Checksum") : table.get("table_type");
            contents.put("table " + name, checksum);
        }
        contents.put("routines", sql.queryForList("SELECT routine_name, routine_definition FROM"
                + " information_schema.routines WHERE routine_schema = 'college' ORDER BY routine_name"));
        contents.put("triggers", sql.queryForList("SELECT trigger_name, action_statement FROM"
                + " information_schema.triggers WHERE trigger_schema = 'college' ORDER BY trigger_name"));
        contents.put("next registration id", sql.queryForObject(
                "SELECT next_not_cached_value FROM registration_id_seq", Long.class));
        assertThat(contents).containsKeys("table kept_note", "table trainee");
        return contents;
    }

    /** Runs the command and returns what it printed, once it ended well. */
    private String succeeds(String command, Path file) throws Exception {
        Process process = run(command, file);
        String printed = Files.readString(temp.resolve(command + ".out"));
        assertThat(process.exitValue()).as(printed).isZero();
        return printed;
    }

    /** The operator's command in a JVM of its own, on the running app's folder; output in {@code <command>.out}. */
    private Process run(String command, Path file) throws Exception {
        ProcessBuilder tool = ChildJvm.of(DatabaseBackup.class, command, file.toString())
                .redirectOutput(temp.resolve(command + ".out").toFile());
        tool.environment().remove("APP_DB_URL"); // the embedded server, even where the suite runs on an external one
        tool.environment().put("APP_DB_DATA_DIR", folder.toString());
        Process process = tool.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
        return process;
    }
}
