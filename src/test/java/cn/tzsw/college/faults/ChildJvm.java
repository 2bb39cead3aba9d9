package cn.tzsw.college.faults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A main class of the test class path run in a JVM of its own, as an operator's command or a second app would. */
final class ChildJvm {

    private ChildJvm() {
    }

    static ProcessBuilder of(Class<?> main, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", // these JVMs live seconds: a quick start beats peak speed
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
