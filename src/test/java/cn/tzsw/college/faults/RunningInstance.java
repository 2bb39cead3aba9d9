package cn.tzsw.college.faults;

import cn.tzsw.college.EmbeddedServers.Server;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** An {@link AppInstance} seen from the test: its JVM, the MariaDB server it started, and ways to end both. */
final class RunningInstance implements AutoCloseable {

    private static final Duration START = Duration.ofMinutes(3);

    private final Process jvm;
    private final Server server;
    private final ProcessHandle mariadbd;

    private RunningInstance(Process jvm, Server server, ProcessHandle mariadbd) {
        this.jvm = jvm;
        this.server = server;
        this.mariadbd = mariadbd;
    }

    static RunningInstance start(Path folder) throws Exception {
        ProcessBuilder instance = ChildJvm.ownTemporaryFolder(ChildJvm.of(AppInstance.class, folder.toString()),
                folder.resolveSibling(folder.getFileName() + "-tmp"));
        Process jvm = instance.start();
        CompletableFuture<String> url = new CompletableFuture<>();
        Deque<String> lastLines = new ArrayDeque<>();
        Thread reader = new Thread(() -> readOutput(jvm, url, lastLines), "instance-output-" + jvm.pid());
        reader.setDaemon(true);
        reader.start();
        try {
            String ready = url.get(START.toSeconds(), TimeUnit.SECONDS);
            String password = Files.readString(folder.resolve(".app-db-password")).strip();
            ProcessHandle mariadbd = jvm.descendants()
                    .filter(process -> process.info().command().orElse("").endsWith("mariadbd"))
                    .findFirst().orElseThrow();
            return new RunningInstance(jvm, new Server(ready, "college", password), mariadbd);
        } catch (ExecutionException | TimeoutException e) {
            jvm.destroyForcibly();
            synchronized (lastLines) {
                throw new IllegalStateException("The instance did not start: " + String.join("\n", lastLines), e);
            }
        }
    }

    /** Drains the instance's output (a full pipe would stall it) and watches it for the ready line. */
    private static void readOutput(Process jvm, CompletableFuture<String> url, Deque<String> lastLines) {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(AppInstance.READY)) {
                    url.complete(line.substring(AppInstance.READY.length()));
                }
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 40) {
                        lastLines.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the instance was killed
        }
        url.completeExceptionally(new IllegalStateException("the instance ended"));
    }

    Server server() {
        return server;
    }

    long pid() {
        return jvm.pid();
    }

    boolean alive() {
        return jvm.isAlive();
    }

    long serverPid() {
        return mariadbd.pid();
    }

    /** kill -9 of the JVM alone, as the OOM killer or an impatient process manager does: its server lives on. */
    void killJvm() throws InterruptedException {
        jvm.destroyForcibly();
        jvm.waitFor();
    }

    /** kill -9 of the JVM and its server at once, as a power cut does. */
    void killAll() throws InterruptedException {
        mariadbd.destroyForcibly();
        killJvm();
    }

    /** A clean stop if it still runs; and, should a test have failed half-way, no leftover server of it. */
    @Override
    public void close() throws Exception {
        if (jvm.isAlive()) {
            try {
                jvm.getOutputStream().close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!jvm.waitFor(60, TimeUnit.SECONDS)) {
                jvm.destroyForcibly();
            }
        }
        if (mariadbd.isAlive() && mariadbd.info().command().orElse("").endsWith("mariadbd")) {
            mariadbd.destroyForcibly();
        }
    }
}
