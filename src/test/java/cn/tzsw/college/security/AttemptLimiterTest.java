package cn.tzsw.college.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.security.domain.AttemptLockRepository;
import cn.tzsw.college.security.domain.MariaDbBuckets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

/** The limiter's rules over time, on the real database, with a clock the test moves (no waiting). */
class AttemptLimiterTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    AttemptLockRepository attemptLocks;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ApplicationEventPublisher events;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final String who = "clock-" + UUID.randomUUID().toString().substring(0, 20);

    private AttemptLimiter limiter() {
        return new AttemptLimiter(new MariaDbBuckets(dataSource, clock), attemptLocks, transactions, events,
                new AttemptLimits(), clock);
    }

    private Optional<AttemptLock> fail(AttemptLimiter limiter, int times) {
        Optional<AttemptLock> lock = Optional.empty();
        for (int i = 0; i < times; i++) {
            lock = limiter.count(AttemptRule.SIGN_IN_ACCOUNT, who);
        }
        return lock;
    }

    @Test
    void the_fifth_failure_locks_for_fifteen_minutes_and_a_repeated_lock_lasts_thirty() {
        AttemptLimiter limiter = limiter();
        assertThat(fail(limiter, 4)).isEmpty();

        AttemptLock first = fail(limiter, 1).orElseThrow();

        assertThat(first.until()).isEqualTo(LocalDateTime.now(clock).plusMinutes(15).withNano(0));
        assertThat(first.untilText()).isEqualTo("10:15");
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(limiter.lock(AttemptRule.SIGN_IN_ACCOUNT, who)).as("over after its time").isEmpty();

        AttemptLock second = fail(limiter, 5).orElseThrow();
        assertThat(Duration.between(LocalDateTime.now(clock), second.until())).isEqualTo(Duration.ofMinutes(30));
        clock.advance(Duration.ofMinutes(29));
        assertThat(limiter.lock(AttemptRule.SIGN_IN_ACCOUNT, "  " + who.toUpperCase() + " ")).as("names match without case")
                .isPresent();
    }

    @Test
    void failures_spread_wider_than_the_window_never_lock() {
        AttemptLimiter limiter = limiter();
        for (int i = 0; i < 20; i++) {
            assertThat(fail(limiter, 1)).isEmpty();
            clock.advance(Duration.ofMinutes(4));
        }
    }

    @Test
    void a_right_password_forgets_the_wrong_ones() {
        AttemptLimiter limiter = limiter();
        fail(limiter, 4);
        limiter.clear(AttemptRule.SIGN_IN_ACCOUNT, who);

        assertThat(fail(limiter, 4)).isEmpty();
    }

    /** A clock that stands still until the test moves it. */
    private static final class MovableClock extends Clock {

        private Instant now;
        private final ZoneId zone;

        MovableClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new MovableClock(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void a_very_long_typed_name_is_counted_and_locked_like_any_other() {
        AttemptLimiter limiter = limiter();
        String junk = who + "x".repeat(5000);

        for (int i = 0; i < 4; i++) {
            limiter.count(AttemptRule.SIGN_IN_ACCOUNT, junk);
        }

        assertThat(limiter.count(AttemptRule.SIGN_IN_ACCOUNT, junk)).isPresent();
        assertThat(limiter.lock(AttemptRule.SIGN_IN_ACCOUNT, junk)).isPresent();
    }
}
