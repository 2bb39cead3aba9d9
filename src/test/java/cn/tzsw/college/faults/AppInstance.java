package cn.tzsw.college.faults;

import cn.tzsw.college.EmbeddedServers;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Stands for a running instance of the app in a JVM of its own: starts the embedded MariaDB of the folder it is
 * given, prints how to reach it after {@value #READY}, and holds it until its input ends (or it is killed).
 */
public final class AppInstance {

    static final String READY = "READY ";

    private AppInstance() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        EmbeddedServers.Server server = EmbeddedServers.start(folder, "college", null);
        System.out.println(READY + server.url());
        System.out.flush();
        while (System.in.read() >= 0) {
            // held until the test closes our input
        }
        EmbeddedServers.stop(folder);
    }
}
