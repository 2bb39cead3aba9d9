package cn.tzsw.college.certificates.ui;

import cn.tzsw.college.certificates.CertificateProperties;
import cn.tzsw.college.security.AttemptLimiter;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing of verification codes: a client (by IP address) that looked up {@code missLimit} unknown
 * codes is refused (429) until {@code missWindow} since its first miss is over. Counted in the
 * database's attempt buckets (through the security capability's limiter), so the limit holds however a load
 * balancer spreads the client's requests over the nodes.
 */
@Component
class MissLimiter {

    private static final String KEY = "verify-miss:";

    private final AttemptLimiter limiter;
    private final int limit;
    private final Duration window;

    MissLimiter(CertificateProperties properties, AttemptLimiter limiter) {
        this.limiter = limiter;
        this.limit = properties.missLimit();
        this.window = properties.missWindow();
    }

    /** True when the client has used up its misses and must wait. */
    boolean blocked(String client) {
        return limiter.exhausted(KEY + client, limit, window);
    }

    void recordMiss(String client) {
        limiter.countAttempt(KEY + client, limit, window);
    }

    /** Forgets a client's misses (tests, and an operator unblocking a known client). */
    void forget(String client) {
        limiter.forget(KEY + client);
    }
}
