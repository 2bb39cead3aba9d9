package cn.tzsw.college.faults;

import cn.tzsw.college.Application;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A main class of the test class path run in a JVM of its own, as an operator's command or a second app would. */
final class ChildJvm {

    private ChildJvm() {
    }

    static ProcessBuilder of(Class<?> main, String... arguments) {
        return java(System.getProperty("java.class.path"), main, arguments);
    }

    /** The app itself, from its own classes alone: the test classes hold beans (a clock, fixtures) of their own. */
    static ProcessBuilder application(String... arguments) {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        return java(classPath, Application.class, arguments);
    }

    /**
     * Gives the child a temporary folder of its own, made if missing: a MariaDB install keeps its temporary tables in
     * $TMPDIR and deletes those it finds there, so children that install side by side (and the test JVM's own
     * servers) must not share one.
     */
    static ProcessBuilder ownTemporaryFolder(ProcessBuilder child, Path folder) throws IOException {
        child.environment().put("TMPDIR", Files.createDirectories(folder).toString());
        return child;
    }

    private static ProcessBuilder java(String classPath, Class<?> main, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", // these JVMs live seconds: a quick start beats peak speed
                "-cp", classPath, main.getName()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
