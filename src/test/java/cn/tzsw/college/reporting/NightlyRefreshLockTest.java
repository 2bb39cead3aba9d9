package cn.tzsw.college.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.IntegrationTest;
import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The nightly refresh runs once per cluster: the node that runs it holds its lock row in the database for at
 * least five minutes, and a node whose schedule fires meanwhile (here: the same job fired again) skips it.
 */
class NightlyRefreshLockTest extends IntegrationTest {

    @Autowired
    NightlyRefresh nightly;

    @Autowired
    StandingRollup rollup;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Test
    void a_node_that_fires_while_another_holds_the_nightly_lock_skips_the_refresh() {
        jdbc.update("DELETE FROM shedlock WHERE name = ?", NightlyRefresh.LOCK);

        nightly.run();
        Map<String, Object> first = lockRow();
        assertThat(rollup.isCurrent(LocalDate.now(clock))).as("the refresh ran").isTrue();
        LocalDateTime lockedAt = ((Timestamp) first.get("locked_at")).toLocalDateTime();
        LocalDateTime lockUntil = ((Timestamp) first.get("lock_until")).toLocalDateTime();
        assertThat(Duration.between(lockedAt, lockUntil)).as("held at least five minutes after it ran")
                .isGreaterThanOrEqualTo(Duration.ofMinutes(5));

        nightly.run();
        assertThat(lockRow()).as("the second firing took no lock, so it did not run").isEqualTo(first);
    }

    @Test
    void every_scheduled_job_of_the_reports_runs_under_the_cluster_lock() {
        for (Method method : StandingRollup.class.getDeclaredMethods()) {
            assertThat(method.isAnnotationPresent(Scheduled.class)).as(method.getName()
                    + ": scheduled report work goes through NightlyRefresh, which holds the lock").isFalse();
        }
    }

    private Map<String, Object> lockRow() {
        return jdbc.queryForMap("SELECT locked_at, lock_until, locked_by FROM shedlock WHERE name = ?",
                NightlyRefresh.LOCK);
    }
}
