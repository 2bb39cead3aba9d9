package cn.tzsw.college.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.beans.factory.support.AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR;

import cn.tzsw.college.EmbeddedServers;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.TestDatabase;
import cn.tzsw.college.reporting.ProgressReport;
import cn.tzsw.college.reporting.ProgressReports;
import cn.tzsw.college.reporting.ReportPeriod;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.util.FileSystemUtils;

/**
 * With APP_REPORT_DB_URL set, the progress reports read that server (a replica) and only through read-only
 * transactions. Here the "replica" is a second embedded server with the schema and one rollup row of its own, so
 * a report's figures tell which server they came from. The reports' beans read it from a context of their own
 * on top of the run's application (whose other beans they share): a second application for two tests took
 * longer than all their other steps.
 */
class ReportReplicaTest extends IntegrationTest {

    private static final Path FOLDER = Path.of(TestDatabase.perFork("target/test-report-replica"));
    private static final String TAIZHOU = "331000000000";
    private static final String HAIMEN_VILLAGE = "331002001001";

    private static EmbeddedServers.Server replica;
    private static GenericApplicationContext onTheReplica;

    @Autowired
    JdbcTemplate primary;

    /**
     * The replica with the schema, and the reports' beans as the application makes them with
     * {@code app.reporting.db.*} naming it.
     */
    @BeforeAll
    static void reportsReadingAReplica(@Autowired ApplicationContext application) throws Exception {
        FileSystemUtils.deleteRecursively(FOLDER);
        replica = EmbeddedServers.start(FOLDER, "college", null);
        try (HikariDataSource schema = replicaPool()) {
            SpringLiquibase liquibase = new SpringLiquibase();
            liquibase.setDataSource(schema);
            liquibase.setChangeLog("classpath:db-changelog/db.changelog-master.xml");
            liquibase.setResourceLoader(new DefaultResourceLoader());
            liquibase.afterPropertiesSet();
        }
        GenericApplicationContext reports = new GenericApplicationContext(application);
        reports.registerBean(ReportDatabaseProperties.class,
                () -> new ReportDatabaseProperties(replica.url(), replica.user(), replica.password(), 1),
                definition -> definition.setPrimary(true));
        Stream.of(ReportReads.class, ProgressReportRepository.class, ProgressReports.class).forEach(type ->
                reports.registerBean(type, definition -> {
                    definition.setPrimary(true);
                    ((AbstractBeanDefinition) definition).setAutowireMode(AUTOWIRE_CONSTRUCTOR);
                }));
        reports.refresh();
        onTheReplica = reports;
    }

    @AfterAll
    static void stopTheReplica() {
        if (onTheReplica != null) {
            onTheReplica.close();
            onTheReplica = null;
        }
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

        ProgressReport report = onTheReplica.getBean(ProgressReports.class)
                .report(TAIZHOU, ReportPeriod.year(LocalDate.now().getYear()));

        assertThat(onThePrimary).as("the demo trainees on the primary").isGreaterThan(7L);
        assertThat(report.total().trainees()).as("the replica's one rollup row").isEqualTo(7L);
    }

    @Test
    void a_write_through_the_reports_connection_is_refused() {
        // a write that changes nothing even where it is allowed: refused all the same in a read-only transaction
        String write = "UPDATE report_unit SET trainees = trainees WHERE region_code = 'none'";
        ReportReads reads = onTheReplica.getBean(ReportReads.class);
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
