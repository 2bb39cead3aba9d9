package cn.tzsw.college.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tzsw.college.EmbeddedServers;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.TestDatabase;
import cn.tzsw.college.reporting.ProgressReport;
import cn.tzsw.college.reporting.ProgressReports;
import cn.tzsw.college.reporting.ReportPeriod;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.LocalDate;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * With APP_REPORT_DB_URL set, the progress reports read that server (a replica) and only through read-only
 * transactions. Here the "replica" is a second embedded server with the schema and one rollup row of its own, so
 * a report's figures tell which server they came from.
 */
class ReportReplicaTest extends IntegrationTest {

    private static final Path FOLDER = Path.of(TestDatabase.perFork("target/test-report-replica"));
    private static final String TAIZHOU = "331000000000";
    private static final String HAIMEN_VILLAGE = "331002001001";

    private static EmbeddedServers.Server replica;

    @Autowired
    ProgressReports reports;
    @Autowired
    ReportReads reads;
    @Autowired
    JdbcTemplate primary;

    @DynamicPropertySource
    static void reportsReadTheReplica(DynamicPropertyRegistry registry) throws Exception {
        FileSystemUtils.deleteRecursively(FOLDER);
        replica = EmbeddedServers.start(FOLDER, "college", null);
        try (HikariDataSource schema = replicaPool()) {
            SpringLiquibase liquibase = new SpringLiquibase();
            liquibase.setDataSource(schema);
            liquibase.setChangeLog("classpath:db-changelog/db.changelog-master.xml");
            liquibase.setResourceLoader(new DefaultResourceLoader());
            liquibase.afterPropertiesSet();
        }
        registry.add("app.reporting.db.url", replica::url);
        registry.add("app.reporting.db.user", replica::user);
        registry.add("app.reporting.db.password", replica::password);
    }

    @AfterAll
    static void stopTheReplica() {
        EmbeddedServers.stop(FOLDER);
    }

    @BeforeEach
    void oneVillageOnTheReplicaOnly() {
        try (HikariDataSource pool = replicaPool()) {
            JdbcTemplate jdbc = new JdbcTemplate(pool);
            jdbc.update("DELETE FROM report_unit");
            jdbc.update("INSERT INTO report_unit (region_code, trainees, required, compliant) VALUES (?, 7, 0, 0)",
                    HAIMEN_VILLAGE);
        }
    }

    @Test
    @WithUserDetails("admin")
    void a_report_shows_the_figures_of_the_replica_not_those_of_the_primary() {
        Long onThePrimary = primary.queryForObject(
                "SELECT COALESCE(SUM(trainees), 0) FROM report_unit WHERE region_code LIKE '3310%'", Long.class);

        ProgressReport report = reports.report(TAIZHOU, ReportPeriod.year(LocalDate.now().getYear()));

        assertThat(onThePrimary).as("the demo trainees on the primary").isGreaterThan(7L);
        assertThat(report.total().trainees()).as("the replica's one rollup row").isEqualTo(7L);
    }

    @Test
    void a_write_through_the_reports_connection_is_refused() {
        // a write that changes nothing even where it is allowed: refused all the same in a read-only transaction
        String write = "UPDATE report_unit SET trainees = trainees WHERE region_code = 'none'";
        assertThatThrownBy(() -> reads.together(() -> reads.jdbc().sql(write).update()))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> reads.jdbc().sql(write).update())
                .as("outside a transaction too").isInstanceOf(DataAccessException.class);
    }

    private static HikariDataSource replicaPool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(replica.url());
        pool.setUsername(replica.user());
        pool.setPassword(replica.password());
        pool.setMaximumPoolSize(1);
        return pool;
    }
}
