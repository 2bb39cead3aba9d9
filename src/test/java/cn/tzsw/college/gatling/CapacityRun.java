package cn.tzsw.college.gatling;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The capacity run's bookkeeping: which step (level of concurrent trainees) a response fell in, the figures per step
 * and, over JMX from the nodes the run started (one, or two behind HAProxy), requests and heap per session on each
 * node and the seats.
 */
final class CapacityRun {

    static final long LIMIT_MS = 1_000;

    private final int step;
    private final int steps;
    private final Duration level;
    private final Duration ramp;
    private final Duration warmUp;
    private final List<List<Long>> times = new ArrayList<>();
    /** Per request of the journey (in the order first measured), over all measured steps: where the time goes. */
    private final Map<String, List<Long>> byRequest = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicInteger[] errors;
    private final AtomicInteger[] journeys;
    /** The nodes' JMX ports (comma-separated); none when the nodes are not this run's. */
    private final List<Integer> jmxPorts = Boolean.getBoolean("capacity.skipApp") ? List.of()
            : Arrays.stream(System.getProperty("capacity.jmxPorts", "").split(",")).map(String::strip)
                    .filter(port -> !port.isEmpty()).map(Integer::valueOf).toList();
    private volatile long startNanos;
    private List<Node> before;

    CapacityRun(int step, int steps, Duration level, Duration ramp, Duration warmUp) {
        this.step = step;
        this.steps = steps;
        this.level = level;
        this.ramp = ramp;
        this.warmUp = warmUp;
        this.errors = new AtomicInteger[steps];
        this.journeys = new AtomicInteger[steps];
        for (int i = 0; i < steps; i++) {
            times.add(new ArrayList<>());
            errors[i] = new AtomicInteger();
            journeys[i] = new AtomicInteger();
        }
    }

    int step() {
        return step;
    }

    int steps() {
        return steps;
    }

    Duration level() {
        return level;
    }

    Duration ramp() {
        return ramp;
    }

    Duration warmUp() {
        return warmUp;
    }

    /** Concurrent trainees at the given step (0-based). */
    int users(int index) {
        return (index + 1) * step;
    }

    void start(String baseUrl) {
        System.out.printf("Capacity run against %s: %d s warm-up with %d trainees, then %d steps of %d more trainees,"
                + " each held %d s after a %d s ramp; Vaadin production mode: %s%n", baseUrl, warmUp.toSeconds(), step,
                steps, step, level.toSeconds(), ramp.toSeconds(), productionMode(baseUrl));
        before = nodes();
        startNanos = System.nanoTime();
    }

    /** The step whose level (not its ramp, nor the warm-up) is under way now, or -1. */
    private int currentStep() {
        long elapsed = System.nanoTime() - startNanos - ramp.toNanos() - warmUp.toNanos();
        long period = ramp.toNanos() + level.toNanos();
        int index = (int) (elapsed / period);
        return elapsed >= 0 && index < steps && elapsed % period >= ramp.toNanos() ? index : -1;
    }

    /** A request's response time in milliseconds, or -1 if it failed. */
    void record(String request, long millis) {
        int index = currentStep();
        if (index < 0) {
            return;
        }
        if (millis < 0) {
            errors[index].incrementAndGet();
            return;
        }
        add(times.get(index), millis);
        add(byRequest.computeIfAbsent(request, name -> new ArrayList<>()), millis);
    }

    private static void add(List<Long> list, long millis) {
        synchronized (list) {
            list.add(millis);
        }
    }

    private static long[] sorted(List<Long> list) {
        synchronized (list) {
            return list.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    void journeyDone() {
        int index = currentStep();
        if (index >= 0) {
            journeys[index].incrementAndGet();
        }
    }

    void finish() {
        System.out.println();
        System.out.println("Capacity through the UI" + (jmxPorts.size() > 1 ? " of " + jmxPorts.size()
                + " nodes behind HAProxy" : "") + ": per step (ramps left out), response times of all the journey's"
                + " requests");
        System.out.println("trainees  requests  journeys/s     p50     p95     max  errors");
        int served = 0;
        Integer passed = null;
        for (int i = 0; i < steps; i++) {
            long[] sorted = sorted(times.get(i));
            long p95 = percentile(sorted, 95);
            System.out.printf("%8d  %8d  %10.1f  %6d  %6d  %6d  %6d%n", users(i), sorted.length,
                    journeys[i].get() / (double) level.toSeconds(), percentile(sorted, 50), p95,
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1], errors[i].get());
            boolean good = sorted.length > 0 && p95 < LIMIT_MS && errors[i].get() == 0;
            if (passed == null && !good) {
                passed = i;
            }
            if (passed == null) {
                served = users(i);
            }
        }
        System.out.println(passed == null
                ? "p95 stayed under 1 s (and no errors) at every step: raise -Dcapacity.steps to find the limit"
                : "p95 passes 1 s (or requests fail) at " + users(passed) + " concurrent trainees");
        System.out.println("Concurrent trainees served at p95 < 1 s: " + served);
        System.out.println("Per request, all steps:          p50     p95     max");
        synchronized (byRequest) {
            byRequest.forEach((request, list) -> {
                long[] sorted = sorted(list);
                System.out.printf("  %-30s %6d  %6d  %6d%n", request, percentile(sorted, 50), percentile(sorted, 95),
                        sorted[sorted.length - 1]);
            });
        }
        List<Node> after = nodes();
        if (before == null || after == null) {
            System.out.println("Heap per session and seats: not read (the nodes are not this run's:"
                    + " -Dcapacity.skipApp); check the seats with: " + LoadTestProbe.SEATS_SQL.replaceAll("\\s+", " "));
            return;
        }
        long heapGrowth = 0;
        long newSessions = 0;
        for (int i = 0; i < after.size(); i++) {
            Node was = before.get(i);
            Node is = after.get(i);
            System.out.printf("Node %d (JMX %d): %d requests%s and %d new sessions during the run, heap after GC"
                    + " %.1f MB before, %.1f MB after%n", i + 1, jmxPorts.get(i), is.requests() - was.requests(),
                    after.size() > 1 ? " (HAProxy's health checks included)" : "", is.sessions() - was.sessions(),
                    was.heap() / 1e6, is.heap() / 1e6);
            heapGrowth += is.heap() - was.heap();
            newSessions += is.sessions() - was.sessions();
        }
        System.out.printf("Heap per session: %.1f KB (%d new sessions)%n",
                newSessions == 0 ? 0 : heapGrowth / 1e3 / newSessions, newSessions);
        // the nodes share one database: the first one's answer is the seats'
        long[] seatsBefore = before.getFirst().seats();
        long[] seats = after.getFirst().seats();
        System.out.printf("Seats: %d lectures, %d REGISTERED and %d WAITLISTED rows (%d and %d during the run),"
                + " overbooked lectures: %d%n",
                seats[0], seats[2], seats[3], seats[2] - seatsBefore[2], seats[3] - seatsBefore[3], seats[1]);
        if (seats[1] != 0) {
            throw new IllegalStateException("lectures over capacity: " + seats[1]);
        }
    }

    /** A development-mode node (vaadin-dev, no production bundle) is slower: the figures would not be the product's. */
    private static String productionMode(String baseUrl) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            String page = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/catalog")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher mode = Pattern.compile("\"productionMode\":(true|false)").matcher(page);
            return mode.find() ? mode.group(1) : "unknown";
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("the node does not answer at " + baseUrl, e);
        }
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    /** Each node's heap after a full GC, sessions, requests and seats; null when the nodes are not this run's. */
    private List<Node> nodes() {
        return jmxPorts.isEmpty() ? null : jmxPorts.stream().map(CapacityRun::node).toList();
    }

    private static Node node(int jmxPort) {
        try {
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
            try (JMXConnector connector = JMXConnectorFactory.connect(url)) {
                MBeanServerConnection server = connector.getMBeanServerConnection();
                MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(server,
                        ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
                memory.gc();
                long heap = memory.getHeapMemoryUsage().getUsed();
                long sessions = ((Number) server.getAttribute(
                        new ObjectName("Tomcat:type=Manager,host=localhost,context=/"), "activeSessions")).longValue();
                long requests = 0;
                for (ObjectName processor : server.queryNames(
                        new ObjectName("Tomcat:type=GlobalRequestProcessor,*"), null)) {
                    requests += ((Number) server.getAttribute(processor, "requestCount")).longValue();
                }
                long[] seats = (long[]) server.invoke(new ObjectName(LoadTestProbe.NAME), "seats", null, null);
                return new Node(heap, sessions, requests, seats);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the node over JMX on port " + jmxPort, e);
        }
    }

    private record Node(long heap, long sessions, long requests, long[] seats) {
    }
}
