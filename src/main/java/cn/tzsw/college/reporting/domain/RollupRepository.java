package cn.tzsw.college.reporting.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The set-based writes of the report rollups ({@link ReportSql}): a rebuild from the read models, and the
 * statuses moved to a new day. Both run with the per-row rollup triggers and procedures paused on this
 * transaction's connection only; other sessions' stay on and wait for the rows these statements lock.
 */
@Repository
public class RollupRepository {

    private static final int COPY_BATCH = 1_000;

    private final JdbcClient jdbc;
    private final ReportSql sql;

    RollupRepository(JdbcClient jdbc, ReportSql sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    /** Whether the unit rollup's statuses are as of this day under hours' rule as it stands. */
    public boolean isCurrent(LocalDate today) {
        return jdbc.sql(sql.ruleIsCurrent()).param("today", today).query(Integer.class).single() == 1;
    }

    /** Empties the rollups and fills them again from the trainees and the ledger (statuses not yet computed). */
    public void rebuild() {
        withRollupsPaused(() -> {
            sql.clearRollups().forEach(statement -> jdbc.sql(statement).update());
            copyTrainees();
            sql.rebuildYears().forEach(statement -> jdbc.sql(statement).update());
        });
    }

    /**
     * Stores hours' rule and {@code today}, every trainee's current period with the hours earned in it where the
     * stored one is no longer current, every status and the unit sums; returns how many periods it wrote.
     */
    public int recompute(LocalDate today) {
        int[] written = new int[1];
        withRollupsPaused(() -> {
            sql.storeRule().forEach(statement -> bind(statement, today).update());
            written[0] = bind(sql.refreshStanding(), today).update();
            sql.recomputeStatuses().forEach(statement -> bind(statement, today).update());
        });
        return written[0];
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

    private JdbcClient.StatementSpec bind(String statement, LocalDate today) {
        JdbcClient.StatementSpec spec = jdbc.sql(statement);
        return statement.contains(":today") ? spec.param("today", today) : spec;
    }

    private void withRollupsPaused(Runnable statements) {
        jdbc.sql("SET @report_rollups_paused = 1").update();
        try {
            statements.run();
        } finally {
            jdbc.sql("SET @report_rollups_paused = NULL").update();
        }
    }
}
