package cn.tzsw.college.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs tasks on a fixed number of threads and reports throughput and latency percentiles. */
final class Stopwatch {

    record Result(String name, int operations, double perSecond, double p50Millis, double p99Millis) {

        String row() {
            return "| %-44s | %8d | %10.0f | %8.2f | %8.2f |".formatted(name, operations, perSecond, p50Millis, p99Millis);
        }

        static String header() {
            return "| %-44s | %8s | %10s | %8s | %8s |%n|%s|%s|%s|%s|%s|".formatted("what", "ops", "ops/s", "p50 ms",
                    "p99 ms", "-".repeat(46), "-".repeat(10), "-".repeat(12), "-".repeat(10), "-".repeat(10));
        }
    }

    private Stopwatch() {
    }

    static Result run(String name, int threads, List<Callable<?>> tasks) throws Exception {
        long[] latencies = new long[tasks.size()];
        List<Callable<Void>> timed = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            int index = i;
            Callable<?> task = tasks.get(i);
            timed.add(() -> {
                long start = System.nanoTime();
                task.call();
                latencies[index] = System.nanoTime() - start;
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            for (Future<Void> future : pool.invokeAll(timed)) {
                future.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(latencies);
            return new Result(name, tasks.size(), tasks.size() / seconds, percentile(latencies, 0.50),
                    percentile(latencies, 0.99));
        } finally {
            pool.shutdownNow();
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
