package cn.tzsw.college.security;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Limits attempts per key (a rule and a subject, e.g. sign-in-account + "13800000001"): Bucket4j counts them in
 * buckets kept in the database, so every application node counts the same attempts; a key that uses up its
 * attempts within the window is locked for a while (see {@link AttemptLimits}). Counting and locking commit on
 * their own, whatever becomes of the caller's transaction: a refused attempt still counts.
 */
@Component
public class AttemptLimiter {

    /**
     * As long as the audit trail's subject ids: enough for any user name (staff names have at most 40 characters,
     * trainees sign in by phone), an IPv6 address, "lecture:account". Longer typed names are junk and share a count.
     */
    private static final int MAX_SUBJECT = 40;
    /** A lock that starts within this time after the previous one lasts twice as long. */
    private static final Duration REPEAT_WITHIN = Duration.ofDays(1);
    private static final DateTimeFormatter SAME_DAY = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter OTHER_DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final MariaDbBuckets buckets;
    private final JdbcClient jdbc;
    private final TransactionTemplate separately;
    private final ApplicationEventPublisher events;
    private final AttemptLimits limits;
    private final Clock clock;

    AttemptLimiter(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions,
                   ApplicationEventPublisher events, AttemptLimits limits, Clock clock) {
        this.buckets = new MariaDbBuckets(dataSource, new ClockTimeMeter(clock),
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)));
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.limits = limits;
        this.clock = clock;
    }

    /** The lock that holds on the subject now, if any. */
    public Optional<AttemptLock> lock(AttemptRule rule, String subject) {
        String who = normalised(subject);
        LocalDateTime now = now();
        return jdbc.sql("SELECT locked_until FROM attempt_lock WHERE lock_key = ? AND locked_until > ?")
                .params(key(rule, who), now)
                .query(LocalDateTime.class).optional()
                .map(until -> lockOf(rule, who, until, now));
    }

    /**
     * Counts one attempt. If it was the last one the window allows, the subject is locked from now on and the
     * new lock is returned (the attempt itself is the caller's to finish or refuse).
     */
    public Optional<AttemptLock> count(AttemptRule rule, String subject) {
        String who = normalised(subject);
        AttemptLimits.Limit limit = limits.of(rule);
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limit.getMax()).refillGreedy(limit.getMax(), limit.getWindow()))
                .build();
        ConsumptionProbe probe = buckets.getProxy(key(rule, who), () -> configuration).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed() && probe.getRemainingTokens() > 0) {
            return Optional.empty();
        }
        return Optional.of(startLock(rule, who, limit));
    }

    /** Refuses the attempt (with {@code refusalKey} and the time) while the subject is locked; counts it otherwise. */
    public void attempt(AttemptRule rule, String subject, String refusalKey) {
        Optional<AttemptLock> lock = lock(rule, subject);
        if (lock.isPresent()) {
            throw lock.get().refusal(refusalKey);
        }
        count(rule, subject);
    }

    /** Forgets the subject's attempts and locks: it proved itself (a right password), or an administrator lifted the lock. */
    public void clear(AttemptRule rule, String subject) {
        String key = key(rule, normalised(subject));
        buckets.removeProxy(key);
        jdbc.sql("DELETE FROM attempt_lock WHERE lock_key = ?").param(key).update();
    }

    /** The locks of the rules that hold now, the longest first. */
    List<AttemptLock> locks(Collection<AttemptRule> rules) {
        LocalDateTime now = now();
        return jdbc.sql("""
                        SELECT rule, subject, locked_until FROM attempt_lock WHERE rule IN (:rules) AND locked_until > :now
                        ORDER BY locked_until DESC, subject""")
                .param("rules", rules.stream().map(AttemptRule::key).toList())
                .param("now", now)
                .query((rs, n) -> lockOf(AttemptRule.valueOf(rs.getString("rule").toUpperCase(Locale.ROOT).replace('-', '_')),
                        rs.getString("subject"), rs.getObject("locked_until", LocalDateTime.class), now))
                .list();
    }

    /** Full buckets and locks over for a day say nothing any more; any node may sweep them. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void sweep() {
        buckets.removeExpired(1000);
        jdbc.sql("DELETE FROM attempt_lock WHERE locked_until < ?").param(now().minus(REPEAT_WITHIN)).update();
    }

    /**
     * One statement decides, so that two nodes locking the same key at once agree: a lock that still holds stays
     * as it is; otherwise a new one starts, twice as long as the previous if that one ended within a day.
     * MariaDB evaluates the assignments left to right, each seeing the columns assigned before it.
     */
    private AttemptLock startLock(AttemptRule rule, String who, AttemptLimits.Limit limit) {
        return separately.execute(tx -> {
            LocalDateTime now = now();
            String key = key(rule, who);
            jdbc.sql("""
                            INSERT INTO attempt_lock (lock_key, rule, subject, locked_at, locked_until, locks)
                            VALUES (:key, :rule, :subject, :now, :now + INTERVAL :lock SECOND, 1)
                            ON DUPLICATE KEY UPDATE
                              locks = IF(locked_until > :now, locks, IF(locked_until > :repeatAfter, locks + 1, 1)),
                              locked_at = IF(locked_until > :now, locked_at, :now),
                              locked_until = IF(locked_until > :now, locked_until,
                                  :now + INTERVAL LEAST(:lock * POW(2, LEAST(locks, 20) - 1), :maxLock) SECOND)""")
                    .param("key", key).param("rule", rule.key()).param("subject", who).param("now", now)
                    .param("lock", Math.min(limit.getLock().toSeconds(), limits.getMaxLock().toSeconds()))
                    .param("maxLock", limits.getMaxLock().toSeconds())
                    .param("repeatAfter", now.minus(REPEAT_WITHIN))
                    .update();
            record Row(LocalDateTime lockedAt, LocalDateTime until, int locks) {
            }
            Row row = jdbc.sql("SELECT locked_at, locked_until, locks FROM attempt_lock WHERE lock_key = ?").param(key)
                    .query((rs, n) -> new Row(rs.getObject("locked_at", LocalDateTime.class),
                            rs.getObject("locked_until", LocalDateTime.class), rs.getInt("locks")))
                    .single();
            if (row.lockedAt().equals(now)) {
                events.publishEvent(new AttemptsLocked(rule, who, row.until(), row.locks()));
            }
            return lockOf(rule, who, row.until(), now);
        });
    }

    private static AttemptLock lockOf(AttemptRule rule, String who, LocalDateTime until, LocalDateTime now) {
        // Shown to the minute: round up, so that "10:42" is never a minute too early.
        LocalDateTime shown = until.truncatedTo(ChronoUnit.MINUTES).equals(until) ? until
                : until.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        String text = (shown.toLocalDate().equals(now.toLocalDate()) ? SAME_DAY : OTHER_DAY).format(shown);
        return new AttemptLock(rule, who, until, text);
    }

    /** User names are matched without case (as the database does); very long subjects are cut. */
    private static String normalised(String subject) {
        String who = subject == null ? "" : subject.strip().toLowerCase(Locale.ROOT);
        return who.length() <= MAX_SUBJECT ? who : who.substring(0, MAX_SUBJECT);
    }

    private static String key(AttemptRule rule, String who) {
        return rule.key() + ":" + who;
    }

    /** Times to the millisecond, as the lock table keeps them (so a lock's start can be recognised). */
    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Bucket4j refills by the application's clock, which tests can move. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
