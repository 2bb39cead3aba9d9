package cn.tzsw.college.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 9: how long the packaged app takes to serve its login page, on a fresh data folder (MariaDB
 * installed, every changeset, the regions and the demo data) and again on the same folder. It builds nothing: it
 * starts the jar as an operator does ({@code java -jar <jar> --spring.profiles.active=demo}, in a new working
 * folder, so {@code ./data} is empty, with {@code java.io.tmpdir} inside it, so MariaDB's binaries are unpacked
 * too), times from the process start until {@code GET /login} answers 200 and until
 * {@code /actuator/health/readiness} does, stops it with SIGTERM, starts it again in the same folder and times
 * again. Given the jar of an earlier version too, and an extracted copy of the jar with its AOT cache (made as
 * docs/performance.md says), it runs them all in turns, so "before" and "after" are measured on the same machine at
 * the same time.
 *
 * <pre>
 * ./mvnw -q package -Pproduction -DskipTests
 * ./mvnw test -Pbenchmark -Dtest=StartupBenchmark [-Dstartup.baseline=college-before.jar] [-Dstartup.rounds=3]
 *     [-Dstartup.jar=target/college-0.1.0-SNAPSHOT.jar] [-Dstartup.extracted=folder with the jar and college.aot]
 * </pre>
 * The children's logs are kept in target/startup-benchmark.
 */
class StartupBenchmark {

    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final Duration STOP_LIMIT = Duration.ofMinutes(2);
    private static final Pattern STARTED = Pattern.compile(
            "Started Application in ([\\d.]+) seconds \\(process running for ([\\d.]+)\\)");
    private static final Path WORK = Path.of("target", "startup-benchmark").toAbsolutePath();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * One start: seconds until the login page was served, the CPU seconds the app's JVM and its MariaDB had used by
     * then (a figure that a busy machine disturbs far less than the elapsed time), seconds until readiness said UP,
     * and until a SIGTERM ended it.
     */
    private record Start(double login, double loginCpu, double ready, double stop, String jvmReported) {
    }

    @Test
    void first_and_later_starts_of_the_packaged_app() throws Exception {
        Map<String, Path> jars = new LinkedHashMap<>();
        String baseline = System.getProperty("startup.baseline", "");
        if (!baseline.isBlank()) {
            jars.put("before", existing(Path.of(baseline)));
        }
        jars.put("now", existing(Path.of(System.getProperty("startup.jar", "target/college-0.1.0-SNAPSHOT.jar"))));
        String extracted = System.getProperty("startup.extracted", "");
        if (!extracted.isBlank()) {
            jars.put("aot", existing(Path.of(extracted, jars.get("now").getFileName().toString())));
        }
        int rounds = Integer.getInteger("startup.rounds", 3);

        deleteTree(WORK);
        Files.createDirectories(WORK);
        String loadBefore = loadAverage();
        Map<String, List<Start>> first = new LinkedHashMap<>();
        Map<String, List<Start>> later = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            // the jars take turns, so a change of the machine's load touches both alike
            for (Map.Entry<String, Path> jar : jars.entrySet()) {
                Path folder = WORK.resolve(jar.getKey() + "-" + round);
                Files.createDirectories(folder.resolve("tmp"));
                List<String> options = jar.getKey().equals("aot")
                        ? List.of("-XX:AOTCache=" + jar.getValue().resolveSibling("college.aot")) : List.of();
                Start fresh = start(jar.getValue(), options, folder, "first");
                Start again = start(jar.getValue(), options, folder, "later");
                first.computeIfAbsent(jar.getKey(), key -> new ArrayList<>()).add(fresh);
                later.computeIfAbsent(jar.getKey(), key -> new ArrayList<>()).add(again);
                System.out.printf("round %d %-6s first: login %.1f s (CPU %.1f s), ready %.1f s, stop %.1f s (%s);"
                                + " later: login %.1f s (CPU %.1f s), ready %.1f s, stop %.1f s (%s); load %s%n",
                        round, jar.getKey(), fresh.login(), fresh.loginCpu(), fresh.ready(), fresh.stop(),
                        fresh.jvmReported(), again.login(), again.loginCpu(), again.ready(), again.stop(),
                        again.jvmReported(), loadAverage());
                deleteTree(folder.resolve("data"));
                deleteTree(folder.resolve("tmp"));
            }
        }

        System.out.printf("%nStart-up of the packaged app (demo profile), median of %d round(s), %d CPUs,"
                        + " load average before %s, after %s%n", rounds, Runtime.getRuntime().availableProcessors(),
                loadBefore, loadAverage());
        System.out.println("before: the baseline jar; now: java -jar of the jar; aot: its extracted copy with"
                + " -XX:AOTCache");
        System.out.printf("| %-44s |%s%n|%s|%s%n", "seconds from `java -jar`", String.join("|",
                        jars.keySet().stream().map(" %-8s "::formatted).toList()) + "|",
                "-".repeat(46), String.join("|", jars.keySet().stream().map(key -> "-".repeat(10)).toList()) + "|");
        row("first start: login page served (200)", first, Start::login);
        row("first start: CPU s (JVM + MariaDB) until then", first, Start::loginCpu);
        row("first start: readiness UP (demo data written)", first, Start::ready);
        row("later start: login page served (200)", later, Start::login);
        row("later start: CPU s (JVM + MariaDB) until then", later, Start::loginCpu);
        row("later start: readiness UP", later, Start::ready);
        row("stop after SIGTERM (later start)", later, Start::stop);
        assertThat(later.get("now")).allSatisfy(start -> assertThat(start.login()).isPositive());
    }

    private static void row(String what, Map<String, List<Start>> starts, java.util.function.ToDoubleFunction<Start> figure) {
        System.out.printf("| %-44s |%s|%n", what, String.join("|", starts.values().stream()
                .map(list -> " %8.1f ".formatted(median(list.stream().mapToDouble(figure).toArray()))).toList()));
    }

    private Start start(Path jar, List<String> javaOptions, Path folder, String which) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + folder.resolve("tmp")));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=demo", "--server.port=" + port));
        Path log = WORK.resolve(folder.getFileName() + "-" + which + ".log");
        long started = System.nanoTime();
        Process app = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            double login = secondsUntil(started, app, port, "/login");
            double loginCpu = cpuSeconds(app.toHandle());
            double ready = secondsUntil(started, app, port, "/actuator/health/readiness");
            List<ProcessHandle> children = app.descendants().toList();
            long stopping = System.nanoTime();
            app.destroy(); // SIGTERM, as a process manager stops it
            if (!app.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("The app did not stop within " + STOP_LIMIT + " of SIGTERM; see " + log);
            }
            double stop = (System.nanoTime() - stopping) / 1e9;
            for (ProcessHandle child : children) {
                // the next start must find the folder free, as after a clean stop
                child.onExit().get(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
            return new Start(login, loginCpu, ready, stop, jvmReported(log));
        } finally {
            app.descendants().forEach(ProcessHandle::destroyForcibly);
            app.destroyForcibly();
        }
    }

    /** Polls the path until it answers 200; the app ending first fails the benchmark. */
    private double secondsUntil(long started, Process app, int port, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(START_LIMIT).build();
        long leftMillis = START_LIMIT.minusNanos(System.nanoTime() - started).toMillis();
        await(path + " answering 200").atMost(Duration.ofMillis(Math.max(1, leftMillis))).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50)).until(() -> answers(app, request));
        return (System.nanoTime() - started) / 1e9;
    }

    private boolean answers(Process app, HttpRequest request) throws InterruptedException {
        if (!app.isAlive()) {
            throw new IllegalStateException("The app ended while starting (exit " + app.exitValue() + ")");
        }
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false; // the port opens late in the start
        }
    }

    /** CPU time of the process and of its children (the MariaDB server) so far. */
    private static double cpuSeconds(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants())
                .mapToLong(handle -> handle.info().totalCpuDuration().map(Duration::toMillis).orElse(0L))
                .sum() / 1e3;
    }

    /** Spring's own count ("Started Application in 9.1 seconds (process running for 10.2)"), for comparison. */
    private static String jvmReported(Path log) throws IOException {
        Matcher matcher = STARTED.matcher(Files.readString(log));
        return matcher.find() ? "Spring: context " + matcher.group(1) + " s, JVM " + matcher.group(2) + " s"
                : "no Started line";
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path existing(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar.toAbsolutePath() + " does not exist: package the app first"
                    + " (./mvnw -q package -Pproduction -DskipTests)");
        }
        return jar.toAbsolutePath();
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
