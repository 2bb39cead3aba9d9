package cn.tzsw.college;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/** The changelog builds the whole schema in an empty database (on the same server as the app's). */
class LiquibaseFromEmptyTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void the_changelog_creates_every_table_from_empty() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String schema = "college_empty_" + System.nanoTime();
        jdbc.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        HikariDataSource app = (HikariDataSource) dataSource;
        try (HikariDataSource empty = new HikariDataSource()) {
            empty.setJdbcUrl(app.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + schema + "$1"));
            empty.setUsername(app.getUsername());
            empty.setPassword(app.getPassword());
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
        } finally {
            jdbc.execute("DROP DATABASE " + schema);
        }
    }
}
