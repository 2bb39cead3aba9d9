package cn.tzsw.college.attendance.heartbeat;

import cn.tzsw.college.attendance.domain.WatchProgressRepository;
import cn.tzsw.college.attendance.domain.WatchProgressRepository.PlaybackRow;
import cn.tzsw.college.attendance.domain.WatchProgressRepository.WatchRow;
import cn.tzsw.college.attendance.domain.WatchState;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Group commit for heartbeats: requests queue their watch's new state, a writer thread writes whatever has queued
 * as one multi-row upsert, and each request is answered only after the statement that holds its state has
 * committed. So an acknowledged heartbeat is never lost, and 64 concurrent players cost one statement and one
 * commit instead of 64. A heartbeat's state is one row (the watch's); a started player also adds its playback row,
 * written before the watch rows that name it. Each statement commits on its own (autocommit): a statement is
 * atomic, and a batch is then a single round trip.
 * One writer: while it writes a batch the next one gathers, so batches grow with the load (two writers halved them
 * and cost MariaDB a quarter more per heartbeat). A watch's states are queued in the order they were made (under
 * the watch's lock), so the last row written for a key is its newest state; within a batch rows are written in key
 * order.
 * The stored row decides between nodes: each row is written only over the stored row its watch was read from or
 * last wrote (a version check inside the same upsert, see {@link WatchProgressRepository#upsertWatches}); a request
 * whose row lost to another node's write fails with {@link StaleWatchException}, and its caller reads the watch again.
 * If a batch fails, its requests are written one by one, so a row the database refuses fails only its own request;
 * only when the database cannot be reached at all does the whole batch fail at once.
 * On shutdown the writer stops after the web server has drained (its {@link #PHASE} is below the web server's), so
 * every heartbeat a request queued is written before the pool closes.
 */
@Component
class HeartbeatWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatWriter.class);
    private static final int MAX_BATCH = 2_000;
    /** Below the web server's phases (just under {@code DEFAULT_PHASE}): started before it, stopped after it. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE / 2;
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);
    private static final Comparator<WatchRow> WATCH_ORDER = Comparator.comparingLong(WatchRow::traineeId)
            .thenComparingLong(WatchRow::lectureId);

    private record Pending(PlaybackRow started, WatchState state, WatchRow watch, CompletableFuture<Void> done) {
    }

    /** Another node wrote the watch since this node read it: nothing of the request was stored. */
    static final class StaleWatchException extends RuntimeException {

        private final transient WatchState watch;

        StaleWatchException(WatchState watch) {
            super("the watch was changed on another node", null, false, false);
            this.watch = watch;
        }

        WatchState watch() {
            return watch;
        }
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private Thread worker;
    private final WatchProgressRepository repository;
    private final ZoneId zone;
    /**
     * Watch rows per statement ({@code college_heartbeats_batch_rows}): MariaDB pays about 0.4 ms of CPU per
     * statement and commit whatever its size and about 0.012 ms per row, so this says what a heartbeat costs it.
     */
    private final DistributionSummary batches;
    private volatile boolean running;

    HeartbeatWriter(WatchProgressRepository repository, Clock clock, MeterRegistry meters) {
        this.repository = repository;
        this.zone = clock.getZone();
        this.batches = DistributionSummary.builder("college.heartbeats.batch").baseUnit("rows")
                .description("watch rows per statement of the heartbeat writer").register(meters);
    }

    /** Queues a watch's state; call while holding the watch's lock so that queue order is state order. */
    CompletableFuture<Void> enqueue(WatchState state, WatchRow watch) {
        return enqueue(null, state, watch);
    }

    /** Queues a started player's token with its watch's state (which names the token as current). */
    CompletableFuture<Void> enqueue(PlaybackRow started, WatchState state, WatchRow watch) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Pending(started, state, watch, done));
        return done;
    }

    /**
     * Waits until the state is committed; fails (the request is not acknowledged) if it could not be, with
     * {@link StaleWatchException} if another node's write to the watch came first.
     */
    static void await(CompletableFuture<Void> done) {
        try {
            done.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before the heartbeat was stored", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StaleWatchException stale) {
                throw stale;
            }
            throw new IllegalStateException("heartbeat not stored", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("heartbeat not stored", e);
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                writeOrSplit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (!running) {
                    continue;
                }
            }
            batch.clear();
        }
    }

    private void writeOrSplit(List<Pending> batch) {
        Set<Pending> stale;
        try {
            stale = write(batch);
        } catch (RuntimeException e) {
            if (batch.size() == 1 || e instanceof DataAccessResourceFailureException) {
                log.warn("Could not store {} heartbeats; their requests fail and players send again", batch.size(), e);
                batch.forEach(pending -> pending.done().completeExceptionally(e));
                return;
            }
            // In queue order, so the last state written for a watch is still its newest.
            for (Pending pending : batch) {
                writeOrSplit(List.of(pending));
            }
            return;
        }
        for (Pending pending : batch) {
            if (stale.contains(pending)) {
                pending.done().completeExceptionally(new StaleWatchException(pending.state()));
            } else {
                pending.done().complete(null);
            }
        }
    }

    /**
     * Writes the batch: each watch's newest state, as the next version of the stored row its memory knows.
     * Returns the requests whose state was not stored: another node wrote the watch first, or (rarely) the watch
     * was read again while an older memory of it had a state queued.
     */
    private Set<Pending> write(List<Pending> batch) {
        List<PlaybackRow> started = new ArrayList<>();
        Map<WatchRow, Pending> newest = new TreeMap<>(WATCH_ORDER);
        Set<Pending> stale = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Pending pending : batch) {
            if (pending.started() != null) {
                started.add(pending.started());
            }
            Pending older = newest.put(pending.watch(), pending);
            if (older != null && older.state() != pending.state()) {
                stale.add(older);
            }
        }
        if (!started.isEmpty()) {
            repository.insertPlaybacks(started, zone);
        }
        List<Pending> written = new ArrayList<>(newest.values());
        List<WatchRow> rows = new ArrayList<>(written.size());
        for (Pending pending : written) {
            rows.add(pending.watch().withVersion(WatchProgressRepository.nextVersion(
                    pending.state().storedVersion(), ThreadLocalRandom.current().nextInt())));
        }
        boolean[] stored = repository.upsertWatches(rows, zone, LocalDateTime.now(zone));
        batches.record(rows.size());
        Set<WatchState> lost = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < rows.size(); i++) {
            if (stored[i]) {
                written.get(i).state().storedAs(rows.get(i).version());
            } else {
                lost.add(written.get(i).state());
            }
        }
        if (!lost.isEmpty()) {
            for (Pending pending : batch) {
                if (lost.contains(pending.state())) {
                    stale.add(pending);
                }
            }
        }
        return stale;
    }

    @Override
    public synchronized void start() {
        running = true;
        worker = new Thread(this::run, "heartbeat-writer");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops taking new work after writing what is queued. */
    @Override
    public synchronized void stop() {
        running = false;
        if (worker == null) {
            return;
        }
        try {
            worker.join(ACK_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
        int unwritten = queue.size();
        if (unwritten == 0) {
            log.info("Heartbeat writer stopped: every queued heartbeat is written");
        } else {
            log.warn("Heartbeat writer stopped with {} heartbeats unwritten; their requests fail", unwritten);
        }
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
