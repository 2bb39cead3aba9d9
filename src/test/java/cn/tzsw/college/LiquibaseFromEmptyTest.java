package cn.tzsw.college;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.util.List;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The changelog builds the whole schema in an empty database: next to the app's on an external server; on the
 * embedded one in a server of its own, whose account holds the grants the changelog needs in its database.
 */
class LiquibaseFromEmptyTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    DatabaseProperties database;

    @Test
    void the_changelog_creates_every_table_from_empty() throws Exception {
        if (!database.external()) {
            File folder = new File("target/liquibase-empty-db");
            FileSystemUtils.deleteRecursively(folder);
            try {
                EmbeddedMariaDb.Endpoint empty = EmbeddedMariaDb.start(folder, "college", null);
                migrateAndCheck(empty.url(), empty.user(), empty.password(), "college");
            } finally {
                EmbeddedMariaDb.stop(folder);
            }
            return;
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String schema = "college_empty_" + System.nanoTime();
        jdbc.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        HikariDataSource app = (HikariDataSource) dataSource;
        try {
            migrateAndCheck(app.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + schema + "$1"), app.getUsername(),
                    app.getPassword(), schema);
        } finally {
            jdbc.execute("DROP DATABASE " + schema);
        }
    }

    private static void migrateAndCheck(String url, String user, String password, String schema) throws Exception {
        try (HikariDataSource empty = new HikariDataSource()) {
            empty.setJdbcUrl(url);
            empty.setUsername(user);
            empty.setPassword(password);
            SpringLiquibase liquibase = new SpringLiquibase();
            liquibase.setDataSource(empty);
            liquibase.setChangeLog("classpath:db-changelog/db.changelog-master.xml");
            liquibase.setResourceLoader(new DefaultResourceLoader());
            liquibase.afterPropertiesSet();

            List<String> tables = new JdbcTemplate(empty).queryForList(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = ?", String.class, schema);
            assertThat(tables).contains("region", "user_account", "trainee", "DATABASECHANGELOG");
            String charset = new JdbcTemplate(empty).queryForObject(
                    "SELECT default_character_set_name FROM information_schema.schemata WHERE schema_name = ?",
                    String.class, schema);
            assertThat(charset).isEqualTo("utf8mb4");
        }
    }
}
