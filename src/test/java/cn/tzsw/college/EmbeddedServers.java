package cn.tzsw.college;

import java.nio.file.Path;
import java.time.Duration;

/** Lets tests outside this package start and stop embedded MariaDB servers of their own, in their own folders. */
public final class EmbeddedServers {

    /** How a client reaches one server: the JDBC url of its database, the account and its password. */
    public record Server(String url, String user, String password) {

        /** The url of the server without a database, for logins that name none. */
        public String serverUrl() {
            return url.substring(0, url.lastIndexOf('/') + 1);
        }

        public int port() {
            String hostAndPort = url.substring("jdbc:mariadb://".length(), url.lastIndexOf('/'));
            return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
        }
    }

    private EmbeddedServers() {
    }

    /** Starts (or finds) the server of the folder, with its stored password or {@code configuredPassword}. */
    public static Server start(Path dataDir, String database, String configuredPassword) {
        EmbeddedMariaDb.Endpoint endpoint = EmbeddedMariaDb.start(dataDir.toFile(), database, configuredPassword);
        return new Server(endpoint.url(), endpoint.user(), endpoint.password());
    }

    public static void stop(Path dataDir) {
        EmbeddedMariaDb.stop(dataDir.toFile());
    }

    /** Whether the folder's server process runs now. */
    public static boolean serving(Path dataDir) {
        return EmbeddedMariaDb.serving(dataDir.toFile());
    }

    /** Sets the pause between tries to restart a server that ended (grown with each try); returns the one it replaced. */
    public static Duration restartPause(Duration pause) {
        return EmbeddedMariaDb.restartPause(pause);
    }

    /** Whether the folder's server ended and could not be restarted. */
    public static boolean givenUp(Path dataDir) {
        return EmbeddedMariaDb.givenUp(dataDir.toFile());
    }
}
