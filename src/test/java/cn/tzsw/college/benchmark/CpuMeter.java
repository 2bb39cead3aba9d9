package cn.tzsw.college.benchmark;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM and by the embedded MariaDB server it started (a child process), so that a benchmark
 * can say what an operation costs, not only how long it waited. Linux only (reads /proc); elsewhere the database
 * share reads 0.
 */
final class CpuMeter {

    /** Clock ticks per second of /proc/[pid]/stat times (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100;

    private final long jvmStart = jvmNanos();
    private final long databaseStart = databaseTicks();

    /** CPU milliseconds per operation since this meter was made: {JVM, database}. */
    double[] perOperation(int operations) {
        return new double[] {(jvmNanos() - jvmStart) / 1e6 / operations,
                (databaseTicks() - databaseStart) * 1000 / TICKS_PER_SECOND / operations};
    }

    private static long jvmNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** utime + stime of the mariadbd processes whose parent is this JVM. */
    private static long databaseTicks() {
        long me = ProcessHandle.current().pid();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> {
                        try {
                            if (!Files.readString(p.resolve("comm")).strip().equals("mariadbd")) {
                                return 0;
                            }
                            String stat = Files.readString(p.resolve("stat"));
                            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            return Long.parseLong(fields[1]) == me ? Long.parseLong(fields[11]) + Long.parseLong(fields[12]) : 0;
                        } catch (IOException | RuntimeException e) {
                            return 0; // the process ended while we looked
                        }
                    }).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
