package cn.tzsw.college.gatling;

import cn.tzsw.college.Application;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The rest of the two-node capacity run ({@code ./mvnw -Pproduction,gatling verify -Dcapacity.nodes=2}): the build
 * starts node 1 (its embedded MariaDB, the seed) as for one node; {@code start} adds node 2, the same classpath on
 * node 1's database with the same attendance secret, and HAProxy with the repository's configuration
 * (src/deploy/haproxy.cfg: sticky sessions, readiness checks) in front of both, and returns once HAProxy has both
 * nodes up; {@code stop} prints what HAProxy sent to each node and stops both processes. A failed start stops what
 * it started and node 1. Run on the test classpath; the ports and paths come as system properties from the pom.
 */
public final class CapacityCluster {

    private static final Duration READY_WAIT = Duration.ofMinutes(10);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final Path work = Path.of(System.getProperty("capacity.work"));
    private final Path pids = Path.of(System.getProperty("capacity.pids"));
    private final int port1 = Integer.getInteger("capacity.port");
    private final int port2 = Integer.getInteger("capacity.port2");
    private final int jmxPort2 = Integer.getInteger("capacity.jmxPort2");
    private final int frontPort = Integer.getInteger("capacity.frontPort");
    private final int statsPort = Integer.getInteger("capacity.statsPort");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private CapacityCluster() {
    }

    public static void main(String[] args) throws Exception {
        CapacityCluster cluster = new CapacityCluster();
        switch (args.length == 1 ? args[0] : "") {
            case "start" -> cluster.start();
            case "stop" -> cluster.stop();
            default -> throw new IllegalArgumentException("usage: CapacityCluster start|stop");
        }
    }

    private void start() throws Exception {
        // A run killed before its stop left these running, holding the ports.
        stop();
        List<Process> started = new ArrayList<>();
        try {
            Process node2 = node2();
            started.add(node2);
            awaitUp("node 2", node2, () -> status("http://127.0.0.1:" + port2 + "/actuator/health/readiness") == 200);
            Process haproxy = haproxy();
            started.add(haproxy);
            awaitUp("HAProxy with both nodes", haproxy, () -> {
                Map<String, Map<String, String>> servers = haproxyServers();
                return servers.size() == 2 && servers.values().stream().allMatch(row -> row.get("status").equals("UP"));
            });
            Files.write(pids, started.stream().map(process -> String.valueOf(process.pid())).toList());
            System.out.printf("Node 2 on port %d, HAProxy on %d in front of nodes %d and %d (stats on %d)%n", port2,
                    frontPort, port1, port2, statsPort);
        } catch (Exception e) {
            started.forEach(CapacityCluster::terminate);
            stopNode1();
            throw e;
        }
    }

    /** The build fails here, so it will not stop node 1 itself: ask it to, as the build's own stop does (JMX). */
    private static void stopNode1() {
        String url = "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + Integer.getInteger("capacity.jmxPort") + "/jmxrmi";
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(url))) {
            ObjectName admin = new ObjectName("org.springframework.boot:type=Admin,name=SpringApplication");
            connector.getMBeanServerConnection().invoke(admin, "shutdown", null, null);
        } catch (Exception e) {
            System.out.println("Node 1 not stopped (" + e + "): stop it by hand");
        }
    }

    /** Node 2 reaches node 1's embedded server with the account and port node 1 keeps in its data folder. */
    private Process node2() throws IOException {
        Path dataDir = Path.of(System.getProperty("capacity.dataDir"));
        String dbPort = Files.readString(dataDir.resolve(".app-db-port")).strip();
        String dbPassword = Files.readString(dataDir.resolve(".app-db-password")).strip();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("capacity.heap"), "-Xms" + System.getProperty("capacity.heap"),
                "-Dcom.sun.management.jmxremote.port=" + jmxPort2,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false",
                "-cp", System.getProperty("java.class.path"), Application.class.getName(),
                // not demo: its people are node 1's seed, already in the database
                "--spring.profiles.active=loadtest",
                "--server.port=" + port2,
                "--app.base-url=http://127.0.0.1:" + frontPort,
                "--loadtest.journeys-file=" + System.getProperty("capacity.journeys")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("node2.log").toFile());
        builder.environment().putAll(Map.of(
                "APP_DB_URL", "jdbc:mariadb://127.0.0.1:" + dbPort + "/college",
                "APP_DB_USER", "college",
                "APP_DB_PASSWORD", dbPassword,
                "APP_ATTENDANCE_SECRET", System.getProperty("capacity.attendanceSecret")));
        return builder.start();
    }

    private Process haproxy() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("haproxy", "-db", "-f", System.getProperty("capacity.haproxyCfg"))
                .redirectErrorStream(true).redirectOutput(work.resolve("haproxy.log").toFile());
        builder.environment().putAll(Map.of(
                "COLLEGE_BIND", "127.0.0.1:" + frontPort,
                "COLLEGE_STATS_BIND", "127.0.0.1:" + statsPort,
                "COLLEGE_APP1", "127.0.0.1:" + port1,
                "COLLEGE_APP2", "127.0.0.1:" + port2));
        return builder.start();
    }

    private void stop() throws IOException, InterruptedException {
        if (!Files.exists(pids)) {
            return;
        }
        try {
            haproxyServers().forEach((server, row) -> System.out.printf(
                    "HAProxy sent %s requests to %s%n", row.get("req_tot"), server));
        } catch (IOException | RuntimeException e) {
            System.out.println("HAProxy's statistics: not read (" + e + ")");
        }
        for (String pid : Files.readAllLines(pids)) {
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(CapacityCluster::terminate);
        }
        Files.delete(pids);
    }

    /** SIGTERM (the node drains and stops gracefully), then SIGKILL if it is still there. */
    private static void terminate(Process process) {
        terminate(process.toHandle());
    }

    private static void terminate(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    /** The backend's servers as HAProxy's statistics page lists them (CSV), by server name. */
    private Map<String, Map<String, String>> haproxyServers() throws IOException {
        String csv = get("http://127.0.0.1:" + statsPort + "/;csv").body();
        List<String> lines = csv.lines().toList();
        List<String> columns = Arrays.asList(lines.getFirst().replaceFirst("^# ", "").split(",", -1));
        Map<String, Map<String, String>> servers = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] values = line.split(",", -1);
            if (values.length >= columns.size() && values[0].equals("nodes")
                    && !values[1].equals("BACKEND")) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), values[i]);
                }
                servers.put(values[1], row);
            }
        }
        return servers;
    }

    private int status(String url) {
        try {
            return get(url).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private HttpResponse<String> get(String url) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private interface Condition {
        boolean holds() throws IOException;
    }

    /** Polls until the condition holds; fails at once if the process died, or after the deadline. */
    private void awaitUp(String what, Process process, Condition condition) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(READY_WAIT);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited with " + process.exitValue() + ", see " + work);
            }
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " not up after " + READY_WAIT + ", see " + work);
            }
            process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
