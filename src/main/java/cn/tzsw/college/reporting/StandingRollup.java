package cn.tzsw.college.reporting;

import cn.tzsw.college.reporting.domain.RollupRepository;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;

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

    private final RollupRepository rollups;
    private final Clock clock;

    StandingRollup(RollupRepository rollups, Clock clock) {
        this.rollups = rollups;
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
        rollups.rebuild();
        recompute(LocalDate.now(clock));
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
        return rollups.isCurrent(today);
    }

    private int recompute(LocalDate today) {
        long start = System.nanoTime();
        int written = rollups.recompute(today);
        log.info("Report standing as of {}: {} periods written, every status computed in {} ms", today, written,
                (System.nanoTime() - start) / 1_000_000);
        return written;
    }
}
