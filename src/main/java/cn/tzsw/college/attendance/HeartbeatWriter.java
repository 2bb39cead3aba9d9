package cn.tzsw.college.attendance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for heartbeats: requests queue their playback's and watch's new state, a writer thread writes
 * whatever has queued in a single transaction (two multi-row upserts), and each request is answered only after
 * the commit that holds its state. So an acknowledged heartbeat is never lost, and 64 concurrent players cost one
 * commit instead of 64. There are a few writers ({@link #LANES}), so that one batch's round trips and commit
 * overlap with the next; a watch (trainee and lecture) always goes to the same writer, and its states are queued
 * in the order they were made (under the watch's lock), so the last row written for a key is its newest state.
 * Within a batch rows are written in key order, so concurrent batches lock rows in the same order.
 */
@Component
class HeartbeatWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatWriter.class);
    private static final int MAX_BATCH = 2_000;
    static final int LANES = 4;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);
    private static final Comparator<List<Long>> WATCH_ORDER = Comparator.<List<Long>>comparingLong(key -> key.get(0))
            .thenComparingLong(key -> key.get(1));

    record PlaybackRow(String token, long accountId, long traineeId, long lectureId, Instant lastBeatAt, long lastSeq,
                       double lastPosition, Instant presenceDueAt) {
    }

    record WatchRow(long traineeId, long lectureId, String intervals, double creditedSeconds, double lastPosition,
                    String currentToken) {
    }

    private record Pending(PlaybackRow playback, WatchRow watch, CompletableFuture<Void> done) {
    }

    private final List<BlockingQueue<Pending>> lanes = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ZoneId zone;
    private volatile boolean running;

    HeartbeatWriter(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.zone = clock.getZone();
        for (int i = 0; i < LANES; i++) {
            lanes.add(new LinkedBlockingQueue<>());
        }
    }

    /** Queues the states; call while holding the watch's lock so that queue order is state order. */
    CompletableFuture<Void> enqueue(PlaybackRow playback, WatchRow watch) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        int lane = Math.floorMod(Long.hashCode(watch.traineeId() * 31 + watch.lectureId()), LANES);
        lanes.get(lane).add(new Pending(playback, watch, done));
        return done;
    }

    /** Waits until the state is committed; fails (the request is not acknowledged) if it could not be. */
    static void await(CompletableFuture<Void> done) {
        try {
            done.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before the heartbeat was stored", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("heartbeat not stored", e);
        }
    }

    private void run(BlockingQueue<Pending> queue) {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
                batch.forEach(pending -> pending.done().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (!running) {
                    continue;
                }
            } catch (RuntimeException e) {
                log.warn("Could not store {} heartbeats; their requests fail and players send again", batch.size(), e);
                batch.forEach(pending -> pending.done().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    private void write(List<Pending> batch) {
        Map<String, PlaybackRow> playbacks = new TreeMap<>();
        Map<List<Long>, WatchRow> watches = new TreeMap<>(WATCH_ORDER);
        for (Pending pending : batch) {
            playbacks.put(pending.playback().token(), pending.playback());
            WatchRow watch = pending.watch();
            watches.put(List.of(watch.traineeId(), watch.lectureId()), watch);
        }
        transactions.executeWithoutResult(status -> {
            upsertPlaybacks(List.copyOf(playbacks.values()));
            upsertWatches(List.copyOf(watches.values()));
        });
    }

    private void upsertPlaybacks(List<PlaybackRow> rows) {
        List<Object> args = new ArrayList<>(rows.size() * 10);
        for (PlaybackRow row : rows) {
            LocalDateTime beat = local(row.lastBeatAt());
            args.addAll(List.of(row.token(), row.accountId(), row.traineeId(), row.lectureId(), beat, beat,
                    row.lastSeq(), row.lastPosition()));
            args.add(row.presenceDueAt() == null ? null : local(row.presenceDueAt()));
        }
        jdbc.update("INSERT INTO playback (token, account_id, trainee_id, lecture_id, started_at, last_beat_at, last_seq,"
                + " last_position, presence_due_at) VALUES " + placeholders(rows.size(), 9)
                + " ON DUPLICATE KEY UPDATE last_beat_at = VALUES(last_beat_at), last_seq = VALUES(last_seq),"
                + " last_position = VALUES(last_position), presence_due_at = VALUES(presence_due_at)", args.toArray());
    }

    private void upsertWatches(List<WatchRow> rows) {
        List<Object> args = new ArrayList<>(rows.size() * 7);
        LocalDateTime now = LocalDateTime.now(zone);
        for (WatchRow row : rows) {
            args.addAll(List.of(row.traineeId(), row.lectureId(), row.intervals(), row.creditedSeconds(),
                    row.lastPosition()));
            args.add(row.currentToken());
            args.add(now);
        }
        jdbc.update("INSERT INTO watch_progress (trainee_id, lecture_id, intervals, credited_seconds, last_position,"
                + " current_token, updated_at) VALUES " + placeholders(rows.size(), 7)
                + " ON DUPLICATE KEY UPDATE intervals = VALUES(intervals), credited_seconds = VALUES(credited_seconds),"
                + " last_position = VALUES(last_position), current_token = VALUES(current_token),"
                + " updated_at = VALUES(updated_at)", args.toArray());
    }

    private LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    private static String placeholders(int rows, int columns) {
        String row = "(" + "?,".repeat(columns - 1) + "?)";
        StringBuilder sql = new StringBuilder(rows * (row.length() + 1));
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ",").append(row);
        }
        return sql.toString();
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < LANES; i++) {
            BlockingQueue<Pending> queue = lanes.get(i);
            Thread thread = new Thread(() -> run(queue), "heartbeat-writer-" + i);
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
    }

    /** Stops taking new work after writing what is queued. */
    @Override
    public synchronized void stop() {
        running = false;
        long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
        for (Thread thread : workers) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
