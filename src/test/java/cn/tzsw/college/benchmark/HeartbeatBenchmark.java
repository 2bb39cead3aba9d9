package cn.tzsw.college.benchmark;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.attendance.LectureSetup;
import cn.tzsw.college.attendance.LecturesUnderway;
import cn.tzsw.college.attendance.WatchService;
import cn.tzsw.college.security.SystemTasks;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
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
 * The heartbeat load of issue 4: 10,000 simulated playbacks (2,000 signed-in trainees x 5 lectures) post
 * heartbeats over 64 keep-alive HTTP connections on loopback, side by side with a trivial endpoint of the same
 * app (same filters, same session, same body, answers 204) in the same run. Afterwards every acknowledged
 * heartbeat must be in the database. Run: ./mvnw test -Pbenchmark -Dtest=HeartbeatBenchmark
 */
@Import(HeartbeatBenchmark.TrivialEndpoint.class)
class HeartbeatBenchmark extends IntegrationTest {

    static final int TRAINEES = 2_000;
    static final int LECTURES = 5;
    static final int CONNECTIONS = 64;
    static final int MEASURED_SECONDS = 20;
    static final String PASSWORD = "Bench@2026";

    /** The baseline: as little as an endpoint can do behind the same security chain. */
    @TestConfiguration
    @RestController
    static class TrivialEndpoint {
        @PostMapping("/api/attendance/benchmark-trivial")
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

    private record Playback(String cookie, String token, long[] seq, double[] position) {
    }

    @Test
    void heartbeats_against_a_trivial_endpoint() throws Exception {
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
        System.out.printf("set-up: %d sessions, %d playbacks in %.1f s%n", phones.size(), playbacks.size(),
                (System.nanoTime() - setupStart) / 1e9);

        run("warm-up trivial", "/api/attendance/benchmark-trivial", playbacks, 5);
        run("warm-up heartbeat", "/api/attendance/heartbeat", playbacks, 5);
        Stopwatch.Result trivial = run("trivial endpoint (204)", "/api/attendance/benchmark-trivial", playbacks,
                MEASURED_SECONDS);
        Stopwatch.Result heartbeat = run("POST /api/attendance/heartbeat", "/api/attendance/heartbeat", playbacks,
                MEASURED_SECONDS);
        int lost = lostHeartbeats(playbacks);
        double ratio = heartbeat.perSecond() / trivial.perSecond();

        System.out.println();
        System.out.printf("Heartbeats: %d playbacks, %d keep-alive connections, %d s each, MariaDB %s, %d cores%n",
                playbacks.size(), CONNECTIONS, MEASURED_SECONDS, jdbc.queryForObject("SELECT VERSION()", String.class),
                Runtime.getRuntime().availableProcessors());
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
                        mine.add(new Playback(cookie, token, new long[1], new double[1]));
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
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.discarding());
        client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + phone + "&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::toString).findFirst().orElseThrow();
    }

    /** Every connection walks its share of the playbacks for the given time; one request in flight each. */
    private Stopwatch.Result run(String name, String path, List<Playback> playbacks, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                int connection = c;
                futures.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 16];
                    int count = 0;
                    try (Connection http = new Connection(port)) {
                        int index = connection;
                        while (System.nanoTime() < end) {
                            Playback playback = playbacks.get(index);
                            index = (index + CONNECTIONS) % playbacks.size();
                            long seq = playback.seq()[0] + 1;
                            double from = playback.position()[0];
                            String body = String.format(Locale.ROOT,
                                    "{\"token\":\"%s\",\"seq\":%d,\"from\":%.2f,\"position\":%.2f,\"playing\":true,"
                                            + "\"hidden\":false,\"rate\":1}", playback.token(), seq, from, from + 0.5);
                            long start = System.nanoTime();
                            int status = http.post(path, playback.cookie(), body);
                            long took = System.nanoTime() - start;
                            if (status >= 300) {
                                errors.incrementAndGet();
                            } else if (path.endsWith("heartbeat")) {
                                playback.seq()[0] = seq;
                                playback.position()[0] = from + 0.5;
                            }
                            if (count == latencies.length) {
                                latencies = Arrays.copyOf(latencies, count * 2);
                            }
                            latencies[count++] = took;
                        }
                    }
                    return Arrays.copyOf(latencies, count);
                }));
            }
            long started = System.nanoTime();
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> future : futures) {
                all.add(future.get());
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            if (errors.get() > 0) {
                throw new AssertionError(name + ": " + errors.get() + " requests failed");
            }
            return new Stopwatch.Result(name, latencies.length, latencies.length / elapsed,
                    latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Playbacks whose last acknowledged sequence number is not what the database holds. */
    private int lostHeartbeats(List<Playback> playbacks) {
        int lost = 0;
        for (Playback playback : playbacks) {
            Long stored = jdbc.queryForObject("SELECT last_seq FROM playback WHERE token = ?", Long.class, playback.token());
            if (stored == null || stored != playback.seq()[0]) {
                lost++;
            }
        }
        return lost;
    }

    /** A kept-alive HTTP/1.1 connection that opens again when the server closes it (as Tomcat does every 100). */
    private static final class Connection implements AutoCloseable {
        private final int port;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        Connection(int port) throws IOException {
            this.port = port;
            open();
        }

        private void open() throws IOException {
            socket = new Socket("localhost", port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
        }

        int post(String path, String cookie, String body) throws IOException {
            boolean[] closing = new boolean[1];
            int status = exchange(out, in, path, cookie, body, closing);
            if (closing[0]) {
                socket.close();
                open();
            }
            return status;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** One request; returns the status after reading the whole answer, and whether the server closes. */
    private static int exchange(OutputStream out, InputStream in, String path, String cookie, String body,
                                boolean[] closing) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookie
                + "\r\nContent-Type: application/json\r\nContent-Length: " + content.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(content);
        out.flush();
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = 0;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing[0] = true;
            }
        }
        if (chunked) {
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
                in.readNBytes(size);
                line(in);
            }
            line(in);
        } else {
            in.readNBytes(length);
        }
        return status;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
