package cn.tzsw.college.benchmark;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.WebClient;
import cn.tzsw.college.attendance.LectureSetup;
import cn.tzsw.college.attendance.LecturesUnderway;
import cn.tzsw.college.attendance.heartbeat.WatchService;
import cn.tzsw.college.security.SystemTasks;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The heartbeat load of issue 4: 10,000 simulated playbacks (2,000 trainees signed in over HTTP x 5 lectures) post
 * heartbeats from wrk (2 threads, 64 keep-alive connections, loopback, script heartbeat-load.lua), side by side
 * with a trivial endpoint of the same app (same filters, same session, same body, answers 204) in the same run.
 * Afterwards every acknowledged heartbeat must be in the database. Needs wrk (apt-get install wrk).
 * Run: ./mvnw test -Pbenchmark -Dtest=HeartbeatBenchmark
 */
@Import(HeartbeatBenchmark.TrivialEndpoint.class)
class HeartbeatBenchmark extends IntegrationTest {

    static final int TRAINEES = 2_000;
    static final int LECTURES = 5;
    static final int THREADS = 2;
    static final int CONNECTIONS = 64;
    static final int WARM_UP_SECONDS = 40;
    static final int MEASURED_SECONDS = 20;
    static final String PASSWORD = "Bench@2026";
    static final String HEARTBEAT = "/api/attendance/heartbeat";
    static final String TRIVIAL = "/api/attendance/benchmark-trivial";
    /** The line heartbeat-load.lua's done() prints. */
    static final Pattern FIGURES = Pattern.compile("benchmark: requests=(?<requests>\\d+) seconds=(?<seconds>[\\d.]+)"
            + " p50_us=(?<p50>\\d+) p99_us=(?<p99>\\d+) acknowledged=(?<acknowledged>\\d+) non_2xx=(?<rejected>\\d+)"
            + " socket_errors=(?<socket>\\d+) timeouts=(?<timeouts>\\d+) first_non_2xx=(?<first>.*)");

    /** The baseline: as little as an endpoint can do behind the same security chain. */
    @TestConfiguration
    @RestController
    static class TrivialEndpoint {
        @PostMapping(TRIVIAL)
        ResponseEntity<Void> trivial(@RequestBody String body) {
            return ResponseEntity.noContent().build();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    LecturesUnderway lectures;
    @Autowired
    LectureSetup setup;
    @Autowired
    WatchService watching;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    private String wrk;
    private Path script;
    private Path data;

    private record Playback(String cookie, String token) {
    }

    @Test
    void heartbeats_against_a_trivial_endpoint() throws Exception {
        wrk = wrk();
        Path dir = Files.createDirectories(Path.of("target", "heartbeat-benchmark"));
        script = dir.resolve("heartbeat-load.lua");
        data = dir.resolve("playbacks.tsv");
        try (var lua = getClass().getResourceAsStream("heartbeat-load.lua")) {
            Files.copy(lua, script, StandardCopyOption.REPLACE_EXISTING);
        }
        long setupStart = System.nanoTime();
        List<String> phones = fixtures.trainees(TRAINEES, LecturesUnderway.JIAOJIANG_VILLAGE, false);
        lectures.givePassword(phones, PASSWORD);
        List<Long> lectureIds = new ArrayList<>();
        for (int i = 0; i < LECTURES; i++) {
            long lectureId = lectures.startedMinutesAgo(-60 * 24 * 7, List.of()).id();
            SystemTasks.runAsSystem(() -> {
                setup.linkVideo(lectureId, "https://video.example.cn/long.mp4", 36_000);
                return null;
            });
            jdbc.update("INSERT INTO registration (lecture_id, trainee_id, county_code, status, queued_at, changed_at)"
                    + " SELECT ?, id, LEFT(region_code, 6), 'REGISTERED', NOW(6), NOW(6) FROM trainee WHERE phone IN ("
                    + "'" + String.join("','", phones) + "')", lectureId);
            lectureIds.add(lectureId);
        }
        List<Playback> playbacks = startPlaybacks(phones, lectureIds);
        writePlaybacks(data, playbacks);
        System.out.printf("set-up: %d sessions, %d playbacks in %.1f s%n", phones.size(), playbacks.size(),
                (System.nanoTime() - setupStart) / 1e9);

        List<Path> acks = List.of(dir.resolve("acks-warm-up.tsv"), dir.resolve("acks.tsv"));
        run("warm-up trivial", TRIVIAL, WARM_UP_SECONDS, 1, dir.resolve("acks-trivial.tsv"));
        run("warm-up heartbeat", HEARTBEAT, WARM_UP_SECONDS, 1, acks.get(0));
        Stopwatch.Result trivial = run("trivial endpoint (204)", TRIVIAL, MEASURED_SECONDS, 1,
                dir.resolve("acks-trivial.tsv"));
        Stopwatch.Result heartbeat = run("POST " + HEARTBEAT, HEARTBEAT, MEASURED_SECONDS, 1_000, acks.get(1));
        int lost = lostHeartbeats(playbacks, lectureIds, acks);
        double ratio = heartbeat.perSecond() / trivial.perSecond();

        System.out.println();
        System.out.printf("Heartbeats: %d playbacks, wrk %d threads, %d keep-alive connections, %d s each, MariaDB %s,"
                        + " %d cores%n", playbacks.size(), THREADS, CONNECTIONS, MEASURED_SECONDS,
                jdbc.queryForObject("SELECT VERSION()", String.class), Runtime.getRuntime().availableProcessors());
        System.out.println(Stopwatch.Result.header());
        System.out.println(heartbeat.row());
        System.out.println(trivial.row());
        System.out.printf("heartbeats/s = %.0f (goal >= 5,000): %s; ratio heartbeat/trivial = %.2f (goal >= 0.50): %s;"
                        + " acknowledged but not stored: %d%n%n", heartbeat.perSecond(),
                heartbeat.perSecond() >= 5000 ? "met" : "NOT met", ratio, ratio >= 0.5 ? "met" : "NOT met", lost);
        if (lost > 0) {
            throw new AssertionError(lost + " acknowledged heartbeats are not in the database");
        }
    }

    /** Signs every trainee in over HTTP and starts a playback per trainee and lecture. */
    private List<Playback> startPlaybacks(List<String> phones, List<Long> lectureIds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<List<Playback>>> futures = new ArrayList<>();
            for (String phone : phones) {
                futures.add(pool.submit(() -> {
                    String cookie = signIn(phone);
                    List<Playback> mine = new ArrayList<>();
                    for (long lectureId : lectureIds) {
                        String token = fixtures.as(phone, () -> watching.start(lectureId)).token();
                        mine.add(new Playback(cookie, token));
                    }
                    return mine;
                }));
            }
            List<Playback> all = new ArrayList<>();
            for (Future<List<Playback>> future : futures) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }

    private String signIn(String phone) throws Exception {
        WebClient web = new WebClient(port);
        web.signIn(phone, PASSWORD);
        return web.cookie("JSESSIONID").orElseThrow();
    }

    /**
     * One wrk run of heartbeat-load.lua against the path; the playbacks' heartbeat numbers start at the given round.
     * Fails on any reply other than 2xx; the acknowledged heartbeats are left in the acks file.
     */
    private Stopwatch.Result run(String name, String path, int seconds, int firstRound, Path acks) throws Exception {
        List<String> command = List.of(wrk, "-t" + THREADS, "-c" + CONNECTIONS, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), "http://localhost:" + port + path, "--", data.toString(), acks.toString(),
                String.valueOf(THREADS), String.valueOf(firstRound));
        CpuMeter cpu = new CpuMeter();
        DistributionSummary batches = meters.get("college.heartbeats.batch").summary();
        long batchesBefore = batches.count();
        double rowsBefore = batches.totalAmount();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        System.out.printf("%s: %s%n%s", name, String.join(" ", command), output);
        Matcher figures = FIGURES.matcher(output);
        if (exit != 0 || !figures.find()) {
            throw new AssertionError(name + ": wrk exited with " + exit + " and without its figures");
        }
        long requests = Long.parseLong(figures.group("requests"));
        double[] perRequest = cpu.perOperation(requests);
        System.out.printf("%s: CPU per request: JVM %.3f ms, database %.3f ms, whole machine (with wrk) %.3f ms;"
                + " JIT compile time %.3f ms%n", name, perRequest[0], perRequest[1], perRequest[2], perRequest[3]);
        long statements = batches.count() - batchesBefore;
        if (statements > 0) {
            // MariaDB's cost per heartbeat falls as the writer's statements carry more rows.
            System.out.printf("%s: %d statements of the heartbeat writer, %.1f watch rows each%n", name, statements,
                    (batches.totalAmount() - rowsBefore) / statements);
        }
        long rejected = Long.parseLong(figures.group("rejected"));
        if (rejected > 0) {
            throw new AssertionError(name + ": " + rejected + " replies were not 2xx, the first: " + figures.group("first"));
        }
        return new Stopwatch.Result(name, (int) requests, requests / Double.parseDouble(figures.group("seconds")),
                Long.parseLong(figures.group("p50")) / 1e3, Long.parseLong(figures.group("p99")) / 1e3);
    }

    /** Writes the playbacks for the Lua script: token, tab, session cookie; the line number names the playback. */
    private static void writePlaybacks(Path file, List<Playback> playbacks) throws IOException {
        Files.write(file, playbacks.stream().map(p -> p.token() + "\t" + p.cookie()).toList());
    }

    /** Playbacks whose highest acknowledged heartbeat number (over all the given runs) is above the stored one. */
    private int lostHeartbeats(List<Playback> playbacks, List<Long> lectureIds, List<Path> acks) throws IOException {
        Map<String, Long> acknowledged = new HashMap<>();
        for (Path file : acks) {
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.split("\t");
                acknowledged.merge(playbacks.get(Integer.parseInt(fields[0]) - 1).token(), Long.parseLong(fields[1]),
                        Math::max);
            }
        }
        Map<String, Long> stored = new HashMap<>();
        jdbc.query("SELECT current_token, beat_seq FROM watch_progress WHERE lecture_id IN ("
                + "?,".repeat(lectureIds.size() - 1) + "?)", rs -> {
            stored.put(rs.getString(1), rs.getLong(2));
        }, lectureIds.toArray());
        System.out.printf("playbacks acknowledged: %d of %d%n", acknowledged.size(), playbacks.size());
        return (int) acknowledged.entrySet().stream()
                .filter(ack -> stored.getOrDefault(ack.getKey(), -1L) < ack.getValue()).count();
    }

    /** wrk from PATH, or a failed run that says how to install it. */
    private static String wrk() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "wrk")).filter(Files::isExecutable).findFirst().map(Path::toString)
                .orElseThrow(() -> new AssertionError("HeartbeatBenchmark needs wrk on the PATH: apt-get install wrk"));
    }
}
