package cn.tzsw.college;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server still running on a data folder after the JVM that started it died (kill -9, out of memory): it
 * keeps the folder's files locked, and a new server would wait minutes for them and then fail. Called only by the
 * holder of the folder's {@link DataFolderLock}, so such a server belongs to no live instance of the app; it is
 * stopped as a clean shutdown would (SIGTERM, then SIGKILL if it does not end in time; InnoDB recovers either way).
 * Found through /proc, where the bundled Linux binaries run: a mariadbd whose {@code --datadir} is the folder.
 */
final class LeftoverServer {

    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);
    private static final Set<String> SERVER_NAMES = Set.of("mariadbd", "mysqld");
    private static final String DATADIR = "--datadir=";
    private static final Duration CLEAN_STOP = Duration.ofSeconds(60);
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);

    private LeftoverServer() {
    }

    /** Stops every server left running on the folder. */
    static void stopAll(Path folder) {
        Path canonical = canonical(folder);
        ProcessHandle.allProcesses()
                .filter(process -> serves(process.pid(), canonical))
                .forEach(server -> stop(server, folder));
    }

    /** The server this JVM runs on the folder. */
    static Optional<ProcessHandle> serverOf(Path folder) {
        Path canonical = canonical(folder);
        return ProcessHandle.current().children().filter(child -> serves(child.pid(), canonical)).findFirst();
    }

    /** Whether the process is a MariaDB server of the folder: its own command line says so, not a pid file. */
    private static boolean serves(long pid, Path folder) {
        List<String> arguments = commandLine(pid);
        return !arguments.isEmpty()
                && SERVER_NAMES.contains(Path.of(arguments.getFirst()).getFileName().toString())
                && arguments.stream().filter(argument -> argument.startsWith(DATADIR))
                        .anyMatch(argument -> canonical(Path.of(argument.substring(DATADIR.length()))).equals(folder));
    }

    private static void stop(ProcessHandle server, Path folder) {
        log.warn("The database server {} was left running on {} by an earlier run that ended without stopping it;"
                + " stopping it before starting anew", server.pid(), folder);
        if (!server.destroy()) {
            throw new IllegalStateException("The database server " + server.pid() + " left running on " + folder
                    + " may not be stopped by this user; stop it by hand");
        }
        if (endsWithin(server.pid(), CLEAN_STOP)) {
            log.info("Leftover database server {} stopped cleanly", server.pid());
            return;
        }
        log.warn("Leftover database server {} did not stop within {} s; killing it", server.pid(),
                CLEAN_STOP.toSeconds());
        server.destroyForcibly();
        if (!endsWithin(server.pid(), AFTER_KILL)) {
            throw new IllegalStateException("The database server " + server.pid() + " left running on " + folder
                    + " could not be stopped; stop it by hand (kill -9 " + server.pid() + ")");
        }
    }

    /** Polls /proc, not {@code ProcessHandle.onExit()}: a dead server that no one reaps stays a zombie. */
    static boolean endsWithin(long pid, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (isRunning(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(pid);
            }
        }
        return true;
    }

    private static boolean isRunning(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the state follows the command name, which is in parentheses and may itself hold spaces
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static List<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return raw.length == 0 ? List.of() : Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | RuntimeException e) {
            return List.of(); // ended meanwhile, not readable, or no /proc here
        }
    }

    private static Path canonical(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }
}
