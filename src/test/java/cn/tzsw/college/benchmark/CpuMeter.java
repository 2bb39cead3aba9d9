package cn.tzsw.college.benchmark;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM, by the embedded MariaDB server it started (a child process) and by the whole
 * machine, so that a benchmark can say what an operation costs, not only how long it waited. Linux only (reads
 * /proc); elsewhere the database and machine shares read 0.
 */
final class CpuMeter {

    /** Clock ticks per second of /proc/[pid]/stat times (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100;

    private final long jvmStart = jvmNanos();
    private final long databaseStart = databaseTicks();
    private final long machineStart = machineTicks();
    private final long jitStart = jitMillis();

    /**
     * CPU milliseconds per operation since this meter was made: {JVM, database, whole machine, JIT compiling}.
     * The last says whether the code was still being compiled, i.e. not yet warm; it is the compilations' elapsed
     * time, so on a saturated machine it counts their waits for a CPU too and can exceed their share of the JVM's.
     */
    double[] perOperation(long operations) {
        return new double[] {(jvmNanos() - jvmStart) / 1e6 / operations,
                (databaseTicks() - databaseStart) * 1000 / TICKS_PER_SECOND / operations,
                (machineTicks() - machineStart) * 1000 / TICKS_PER_SECOND / operations,
                (double) (jitMillis() - jitStart) / operations};
    }

    /** Elapsed time of the JIT's compilations so far. */
    private static long jitMillis() {
        var compilation = ManagementFactory.getCompilationMXBean();
        return compilation != null && compilation.isCompilationTimeMonitoringSupported()
                ? compilation.getTotalCompilationTime() : 0;
    }

    /** Busy time of all CPUs (user, nice, system, irq, softirq, steal) from the first line of /proc/stat. */
    private static long machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(cpu[field]);
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
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
