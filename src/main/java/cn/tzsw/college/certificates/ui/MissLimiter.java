package cn.tzsw.college.certificates.ui;

import cn.tzsw.college.certificates.CertificateProperties;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of verification codes: a client (by IP address) that looked up too many unknown codes
 * within the window is refused (429) until the window has passed. In memory: a restart forgets, which is fine
 * for codes of 100 random bits.
 */
@Component
class MissLimiter {

    private static final int MAX_CLIENTS = 100_000;

    private final Map<String, Deque<Long>> misses = new ConcurrentHashMap<>();
    private final int limit;
    private final long windowMillis;
    private final Clock clock;

    MissLimiter(CertificateProperties properties, Clock clock) {
        this.limit = properties.missLimit();
        this.windowMillis = properties.missWindow().toMillis();
        this.clock = clock;
    }

    /** True when the client has used up its misses and must wait. */
    boolean blocked(String client) {
        Deque<Long> times = misses.get(client);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times, clock.millis());
            return times.size() >= limit;
        }
    }

    void recordMiss(String client) {
        if (misses.size() > MAX_CLIENTS) {
            long now = clock.millis();
            misses.values().removeIf(times -> {
                synchronized (times) {
                    prune(times, now);
                    return times.isEmpty();
                }
            });
        }
        Deque<Long> times = misses.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, clock.millis());
            times.addLast(clock.millis());
        }
    }

    private void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
            times.pollFirst();
        }
    }

    /** Forgets a client's misses (tests, and an operator unblocking a known client). */
    void forget(String client) {
        misses.remove(client);
    }
}
