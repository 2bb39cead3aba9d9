package cn.tzsw.college.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each trainee's current registration period, the hours earned in it and the compliance status in
 * {@code report_trainee}, and their sums per village in {@code report_unit}, as of one day ({@code report_day}).
 * Within the day the triggers keep them current as trainees and ledger entries are written; when the day changes
 * (every night, and at start-up) or the rule changes, every status is computed again, since a trainee who earned
 * nothing may fall behind just by time passing. Until then a report computes each trainee on the spot, so figures
 * are right either way, only slower.
 */
@Component
@Order(100)
public class StandingRollup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StandingRollup.class);

    private static final int COPY_BATCH = 1_000;

    private final JdbcClient jdbc;
    private final ReportSql sql;
    private final Clock clock;

    StandingRollup(JdbcClient jdbc, ReportSql sql, Clock clock) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        refresh();
    }

    /**
     * Rebuilds the rollups from scratch, for after a bulk load that paused the triggers for its session
     * ({@code SET @report_rollups_paused = 1}), then computes every status.
     */
    @Transactional
    public void rebuild() {
        withTriggersPaused(() -> {
            sql.clearRollups().forEach(statement -> jdbc.sql(statement).update());
            copyTrainees();
            sql.rebuildYears().forEach(statement -> jdbc.sql(statement).update());
        });
        recompute(LocalDate.now(clock));
    }

    /** One rollup row per trainee, a thousand trainees per statement (in id order). */
    private void copyTrainees() {
        long after = 0;
        while (true) {
            List<Object[]> rows = jdbc.sql(sql.traineesAfter()).param("after", after).param("limit", COPY_BATCH)
                    .query((rs, n) -> new Object[] {rs.getString("region_code"), rs.getLong("id"),
                            rs.getString("certificate_level"), rs.getObject("period_start", LocalDate.class)})
                    .list();
            if (rows.isEmpty()) {
                return;
            }
            jdbc.sql(sql.insertTrainees(rows.size())).params(rows.stream().flatMap(Arrays::stream).toList()).update();
            after = (Long) rows.getLast()[1];
        }
    }

    /** Moves the statuses to today if they are not; returns how many trainees' periods it wrote. */
    @Transactional
    public int refresh() {
        LocalDate today = LocalDate.now(clock);
        return isCurrent(today) ? 0 : recompute(today);
    }

    /** Whether the unit rollup's statuses are as of this day under the configured rule. */
    @Transactional(readOnly = true)
    public boolean isCurrent(LocalDate today) {
        return jdbc.sql(sql.ruleIsCurrent()).param("today", today).query(Integer.class).single() == 1;
    }

    private int recompute(LocalDate today) {
        long start = System.nanoTime();
        int[] written = new int[1];
        withTriggersPaused(() -> {
            sql.storeRule().forEach(statement -> bind(statement, today).update());
            written[0] = bind(sql.refreshStanding(), today).update();
            sql.recomputeStatuses().forEach(statement -> bind(statement, today).update());
        });
        log.info("Report standing as of {}: {} periods written, every status computed in {} ms", today, written[0],
                (System.nanoTime() - start) / 1_000_000);
        return written[0];
    }

    private JdbcClient.StatementSpec bind(String statement, LocalDate today) {
        JdbcClient.StatementSpec spec = jdbc.sql(statement);
        return statement.contains(":today") ? spec.param("today", today) : spec;
    }

    /**
     * Runs set-based statements without the per-row triggers, on this transaction's connection only; other
     * sessions' triggers stay on and wait for the rows these statements lock.
     */
    private void withTriggersPaused(Runnable statements) {
        jdbc.sql("SET @report_rollups_paused = 1").update();
        try {
            statements.run();
        } finally {
            jdbc.sql("SET @report_rollups_paused = NULL").update();
        }
    }
}
