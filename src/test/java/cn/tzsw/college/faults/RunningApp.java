package cn.tzsw.college.faults;

import static org.awaitility.Awaitility.await;

import cn.tzsw.college.EmbeddedServers.Server;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole app in a JVM of its own, as an operator runs it: a random port, the embedded MariaDB in
 * {@code <folder>/mariadb}, its log in {@code <folder>/<name>.log}, the demo profile or an empty database. Started
 * again on the same folder, it finds everything the earlier run stored.
 */
final class RunningApp implements AutoCloseable {

    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration STOP = Duration.ofMinutes(2);
    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process jvm;
    private final Path folder;
    private final Path log;
    private final int port;
    private final ProcessHandle mariadbd;

    private RunningApp(Process jvm, Path folder, Path log, int port, ProcessHandle mariadbd) {
        this.jvm = jvm;
        this.folder = folder;
        this.log = log;
        this.port = port;
        this.mariadbd = mariadbd;
    }

    /** Starts the app with the demo data and returns once its readiness says UP. */
    static RunningApp start(Path folder, String name) throws IOException {
        return start(folder, name, "demo");
    }

    /** Starts the app with an empty database (its regions only) and returns once its readiness says UP. */
    static RunningApp startEmpty(Path folder, String name) throws IOException {
        return start(folder, name, "default");
    }

    private static RunningApp start(Path folder, String name, String profile) throws IOException {
        Path log = folder.resolve(name + ".log");
        ProcessBuilder app = ChildJvm.application("--server.port=0", "--spring.profiles.active=" + profile,
                        "--app.db.data-dir=" + folder.resolve("mariadb"),
                        "--app.attendance.video.dir=" + folder.resolve("videos"),
                        "--app.hours.evidence-dir=" + folder.resolve("evidence"),
                        // the demo's 53 accounts hashed at bcrypt's lowest cost, as in IntegrationTest: at the
                        // application's cost they take seconds of the child's interpreted start
                        "--app.security.password-strength=4")
                .redirectOutput(log.toFile());
        ChildJvm.ownTemporaryFolder(app, folder.resolve("tmp"));
        app.environment().remove("APP_DB_URL"); // the embedded server, even where the suite runs on an external one
        app.environment().remove("SMTP_HOST");
        Process jvm = app.start();
        try {
            int port = await().atMost(START).pollInterval(Duration.ofMillis(200))
                    .until(() -> port(jvm, log), Optional::isPresent).orElseThrow();
            await().atMost(START).pollInterval(Duration.ofMillis(200)).until(() -> ready(jvm, log, port));
            ProcessHandle mariadbd = jvm.descendants()
                    .filter(process -> process.info().command().orElse("").endsWith("mariadbd"))
                    .findFirst().orElseThrow();
            return new RunningApp(jvm, folder, log, port, mariadbd);
        } catch (RuntimeException e) {
            jvm.destroyForcibly();
            throw e;
        }
    }

    private static Optional<Integer> port(Process jvm, Path log) throws IOException {
        Matcher port = PORT.matcher(Files.readString(log));
        if (port.find()) {
            return Optional.of(Integer.parseInt(port.group(1)));
        }
        ensureAlive(jvm, log);
        return Optional.empty();
    }

    private static boolean ready(Process jvm, Path log, int port) throws IOException, InterruptedException {
        ensureAlive(jvm, log);
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void ensureAlive(Process jvm, Path log) throws IOException {
        if (!jvm.isAlive()) {
            List<String> lines = Files.readAllLines(log);
            throw new IllegalStateException("The app ended while starting: "
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
        }
    }

    int port() {
        return port;
    }

    /** The app's MariaDB server process. */
    ProcessHandle databaseServer() {
        return mariadbd;
    }

    boolean alive() {
        return jvm.isAlive();
    }

    /** How a tool reaches the app's database: the port and password the app keeps in its data folder. */
    Server database() throws IOException {
        Path data = folder.resolve("mariadb");
        return new Server("jdbc:mariadb://127.0.0.1:" + Files.readString(data.resolve(".app-db-port")).strip()
                + "/college", "college", Files.readString(data.resolve(".app-db-password")).strip());
    }

    /** SIGTERM, as a process manager stops it; returns how long the JVM took to exit. */
    Duration stop() throws InterruptedException {
        long sent = System.nanoTime();
        jvm.destroy();
        if (!jvm.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("The app did not exit within " + STOP.toSeconds() + " s of SIGTERM");
        }
        return Duration.ofNanos(System.nanoTime() - sent);
    }

    List<String> log() throws IOException {
        return Files.readAllLines(log);
    }

    /** Stops it if it still runs; and, should a test have failed half-way, leaves no server of it behind. */
    @Override
    public void close() throws InterruptedException {
        if (jvm.isAlive()) {
            jvm.destroy();
            if (!jvm.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
                jvm.destroyForcibly();
            }
        }
        if (mariadbd.isAlive()) {
            mariadbd.destroyForcibly();
        }
    }
}
