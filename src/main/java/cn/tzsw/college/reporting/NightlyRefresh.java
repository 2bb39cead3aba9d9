package cn.tzsw.college.reporting;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves the report statuses to the new day five minutes after midnight. On several nodes one of them does it: the
 * refresh pauses the report triggers while it rewrites the rollups, which two nodes at once would interleave. The
 * lock is held at least five minutes, so a node whose schedule fires a little later finds it done.
 */
@Component
class NightlyRefresh {

    static final String LOCK = "report-nightly-refresh";

    private final StandingRollup rollup;

    NightlyRefresh(StandingRollup rollup) {
        this.rollup = rollup;
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "${app.time-zone:Asia/Shanghai}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT2H", lockAtLeastFor = "PT5M")
    public void run() {
        rollup.refresh();
    }
}
