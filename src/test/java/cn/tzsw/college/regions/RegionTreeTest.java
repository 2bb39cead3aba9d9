package cn.tzsw.college.regions;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.EmbeddedServers;
import cn.tzsw.college.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The region tree, tested with the regions module alone (its beans, the schema, the run's database). */
@ApplicationModuleTest
// the health groups name contributors of other modules (the mail outbox), which this context does not hold
@TestPropertySource(properties = "management.endpoint.health.validate-group-membership=false")
// Closed after its tests, while the run's server still runs: its pool holds no lease on the server, so at the
// JVM's exit the server stopped with the application's last lease and this context's closing waited out the pool's
// connection timeout (5 s) for a database that was gone.
@DirtiesContext
class RegionTreeTest {

    static final String ZHEJIANG = "330000000000";
    static final String TAIZHOU = "331000000000";
    static final String JIAOJIANG = "331002000000";
    static final String LINHAI_TOWNSHIP = "331082001000";

    /**
     * The module's context holds none of the root package's beans (the embedded server's pool among them): Spring
     * Boot's own pool connects to the run's database, the external one APP_DB_URL names or the embedded one.
     */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String external = System.getenv("APP_DB_URL");
        if (external != null && !external.isBlank()) {
            registry.add("spring.datasource.url", () -> external);
            registry.add("spring.datasource.username", () -> System.getenv("APP_DB_USER"));
            registry.add("spring.datasource.password", () -> System.getenv("APP_DB_PASSWORD"));
        } else {
            EmbeddedServers.Server server = TestDatabase.server();
            registry.add("spring.datasource.url", server::url);
            registry.add("spring.datasource.username", server::user);
            registry.add("spring.datasource.password", server::password);
        }
    }

    @Autowired
    RegionService regions;
    @Autowired
    RegionLoader loader;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void taizhou_has_9_counties_136_townships_and_3429_villages() {
        var counts = regions.countSubtreeByLevel(TAIZHOU);
        assertThat(counts).containsEntry(RegionLevel.CITY, 1L)
                .containsEntry(RegionLevel.COUNTY, 9L)
                .containsEntry(RegionLevel.TOWNSHIP, 136L)
                .containsEntry(RegionLevel.VILLAGE, 3429L);
    }

    @Test
    void zhejiang_has_11_cities_and_90_counties() {
        var counts = regions.countSubtreeByLevel(ZHEJIANG);
        assertThat(counts).containsEntry(RegionLevel.CITY, 11L).containsEntry(RegionLevel.COUNTY, 90L);
        assertThat(regions.children(ZHEJIANG)).hasSize(11);
    }

    @Test
    void membership_is_decided_by_the_tree() {
        assertThat(regions.isWithin("331002001003", JIAOJIANG)).isTrue();
        assertThat(regions.isWithin("331002001003", TAIZHOU)).isTrue();
        assertThat(regions.isWithin(LINHAI_TOWNSHIP, JIAOJIANG)).isFalse();
        assertThat(regions.isWithin("331002999999", JIAOJIANG)).as("a code that names no unit").isFalse();
        assertThat(regions.isWithin("garbage", JIAOJIANG)).isFalse();
    }

    @Test
    void the_path_runs_from_the_province_to_the_unit() {
        assertThat(regions.path("331002001003")).extracting(Region::level)
                .containsExactly(RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.COUNTY, RegionLevel.TOWNSHIP,
                        RegionLevel.VILLAGE);
        assertThat(regions.displayPath("331002001000")).isEqualTo("台州市/椒江区/海门街道");
    }

    @Test
    void subtree_queries_use_the_primary_key_range() {
        String plan = jdbc.queryForList("EXPLAIN SELECT level, COUNT(*) FROM region WHERE code LIKE '331002%' GROUP BY level")
                .toString();
        assertThat(plan).contains("PRIMARY").contains("range");
    }

    @Test
    void units_and_child_lists_are_read_from_the_database_once() {
        regions.path("331002001003");
        regions.children(JIAOJIANG);
        long before = selects();
        for (int i = 0; i < 100; i++) {
            assertThat(regions.find("331002001003")).isPresent();
            assertThat(regions.path("331002001003")).hasSize(5);
            assertThat(regions.children(JIAOJIANG)).hasSize(12);
        }
        // 300 lookups; anything else this database serves meanwhile stays far below that
        assertThat(selects() - before).isLessThan(30);
    }

    private long selects() {
        return jdbc.queryForObject("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME = 'COM_SELECT'", Long.class);
    }

    @Test
    void loading_again_adds_nothing() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM region", Long.class);
        loader.run(new DefaultApplicationArguments());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM region", Long.class)).isEqualTo(before).isEqualTo(27036L);
    }
}
