package cn.tzsw.college;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The embedded MariaDB folder that the test run's Spring contexts share (the whole application's and the module
 * tests'), wiped once per run before its server first starts: one server per folder and JVM serves them all. Test
 * JVMs that surefire runs side by side (forkCount above 1) get a folder each.
 */
public final class TestDatabase {

    public static final String FOLDER = perFork("target/test-mariadb");

    private static boolean wiped;

    private TestDatabase() {
    }

    /** The folder for this test JVM: as named for the first (or only) one, with its number for the others. */
    public static String perFork(String folder) {
        String fork = System.getProperty("test.fork", "");
        return fork.isBlank() || fork.equals("fork-1") ? folder : folder + "-" + fork;
    }

    /** Empties the folder, unless this run did so already (its server may be running by then). */
    public static synchronized void wipeOnce() {
        if (wiped) {
            return;
        }
        wiped = true;
        Path folder = Path.of(FOLDER);
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts (or finds) the run's server, with the account and password the application uses. */
    public static EmbeddedServers.Server server() {
        wipeOnce();
        return EmbeddedServers.start(Path.of(FOLDER), "college", null);
    }
}
