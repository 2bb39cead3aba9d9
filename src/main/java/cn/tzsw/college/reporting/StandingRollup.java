package cn.tzsw.college.reporting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the hours each certified trainee earned in the current registration period in {@code report_trainee}. The ledger's triggers add and remove hours as entries are written; this fills in what they cannot know:
 * new trainees, changed period starts and periods that rolled over (at start-up and every night). Until then a
 * report computes such a trainee from the ledger itself, so figures are right either way, only slower.
 */
@Component
@Order(100)
public class StandingRollup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StandingRollup.class);

    private final JdbcClient jdbc;
    private final ReportSql sql;
    private final java.time.Clock clock;

    StandingRollup(JdbcClient jdbc, ReportSql sql, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        refresh();
    }

    /**
     * Rebuilds both rollups from scratch, for after a bulk load that paused the triggers for its session
     * ({@code SET @report_rollups_paused = 1}), then refreshes the current-period hours.
     */
    @Transactional
    public void rebuild() {
        for (String statement : sql.rebuild()) {
            jdbc.sql(statement).update();
        }
        refresh();
    }

    /** Writes the missing and outdated rows; returns how many trainees it wrote. */
    @Transactional
    @Scheduled(cron = "0 5 0 * * *", zone = "${app.time-zone:Asia/Shanghai}")
    public int refresh() {
        long start = System.nanoTime();
        int written = jdbc.sql(sql.refreshStanding()).param("today", java.time.LocalDate.now(clock))
                .param("years", sql.periodYears()).update();
        if (written > 0) {
            log.info("Report standing refreshed: {} rows in {} ms", written, (System.nanoTime() - start) / 1_000_000);
        }
        return written;
    }
}
