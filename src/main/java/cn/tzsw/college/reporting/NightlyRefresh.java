package cn.tzsw.college.reporting;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves the report statuses to the new day, by default five minutes after midnight
 * ({@code app.reporting.refresh-cron}, in {@code app.time-zone}). On several nodes one of them does it: the refresh
 * pauses the report triggers while it rewrites the rollups, which two nodes at once would interleave. The lock is
 * held at least five minutes ({@code app.reporting.refresh-lock-at-least}, shorter than the cron's period), so a
 * node whose schedule fires a little later finds it done. Each run logs one line, which tells an operator (and the
 * cluster test) which node did it.
 */
@Component
class NightlyRefresh {

    static final String LOCK = "report-nightly-refresh";

    private static final Logger log = LoggerFactory.getLogger(NightlyRefresh.class);

    private final StandingRollup rollup;

    NightlyRefresh(StandingRollup rollup) {
        this.rollup = rollup;
    }

    @Scheduled(cron = "${app.reporting.refresh-cron:0 5 0 * * *}", zone = "${app.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT2H", lockAtLeastFor = "${app.reporting.refresh-lock-at-least:PT5M}")
    public void run() {
        log.info("Nightly report refresh done: {} periods written", rollup.refresh());
    }
}
