package cn.tzsw.college.security;

import cn.tzsw.college.security.domain.AttemptLockRepository;
import cn.tzsw.college.security.domain.MariaDbBuckets;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
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
    private final AttemptLockRepository attemptLocks;
    private final TransactionTemplate separately;
    private final ApplicationEventPublisher events;
    private final AttemptLimits limits;
    private final Clock clock;

    AttemptLimiter(MariaDbBuckets buckets, AttemptLockRepository attemptLocks, PlatformTransactionManager transactions,
                   ApplicationEventPublisher events, AttemptLimits limits, Clock clock) {
        this.buckets = buckets;
        this.attemptLocks = attemptLocks;
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
        return attemptLocks.lockedUntil(key(rule, who), now).map(until -> lockOf(rule, who, until, now));
    }

    /**
     * Counts one attempt. If it was the last one the window allows, the subject is locked from now on and the
     * new lock is returned (the attempt itself is the caller's to finish or refuse).
     */
    public Optional<AttemptLock> count(AttemptRule rule, String subject) {
        String who = normalised(subject);
        AttemptLimits.Limit limit = limits.of(rule);
        BucketConfiguration configuration = configuration(limit.getMax(), limit.getWindow());
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
        attemptLocks.delete(key);
    }

    /**
     * Whether {@code key} has used up its {@code max} attempts per {@code window} (all of them come back when a
     * window since the first one is over), counted in the same buckets as the rules, so every node sees the same
     * count; no lock and no event. For a limit another capability keeps (e.g. unknown verification codes per
     * client): its key must not start with a rule's key.
     */
    public boolean exhausted(String key, int max, Duration window) {
        BucketConfiguration configuration = perWindow(max, window);
        return buckets.getProxy(key, () -> configuration).getAvailableTokens() <= 0;
    }

    /** Counts one attempt against the limit of {@link #exhausted}. */
    public void countAttempt(String key, int max, Duration window) {
        BucketConfiguration configuration = perWindow(max, window);
        buckets.getProxy(key, () -> configuration).tryConsume(1);
    }

    /** Forgets the attempts counted against a limit of {@link #exhausted}. */
    public void forget(String key) {
        buckets.removeProxy(key);
    }

    private static BucketConfiguration configuration(int max, Duration window) {
        return BucketConfiguration.builder().addLimit(l -> l.capacity(max).refillGreedy(max, window)).build();
    }

    private static BucketConfiguration perWindow(int max, Duration window) {
        return BucketConfiguration.builder().addLimit(l -> l.capacity(max).refillIntervally(max, window)).build();
    }

    /** The locks of the rules that hold now, the longest first. */
    List<AttemptLock> locks(Collection<AttemptRule> rules) {
        LocalDateTime now = now();
        return attemptLocks.holding(rules.stream().map(AttemptRule::key).toList(), now).stream()
                .map(l -> lockOf(AttemptRule.valueOf(l.rule().toUpperCase(Locale.ROOT).replace('-', '_')), l.subject(),
                        l.until(), now))
                .toList();
    }

    /**
     * Full buckets and locks over for a day say nothing any more; one node of the cluster sweeps them each hour
     * (the interval and the first sweep after start are properties so that the cluster test can make it due).
     */
    @Scheduled(fixedDelayString = "${app.security.attempt-sweep-interval:PT1H}",
            initialDelayString = "${app.security.attempt-sweep-initial-delay:PT10M}")
    @SchedulerLock(name = "attempt-sweep", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5M")
    public void sweep() {
        buckets.removeExpired(1000);
        attemptLocks.deleteEndedBefore(now().minus(REPEAT_WITHIN));
    }

    /** A lock that still holds stays; otherwise a new one starts, twice as long as the previous if that ended within a day. */
    private AttemptLock startLock(AttemptRule rule, String who, AttemptLimits.Limit limit) {
        return separately.execute(tx -> {
            LocalDateTime now = now();
            AttemptLockRepository.StoredLock lock = attemptLocks.lock(key(rule, who), rule.key(), who, now,
                    Math.min(limit.getLock().toSeconds(), limits.getMaxLock().toSeconds()),
                    limits.getMaxLock().toSeconds(), now.minus(REPEAT_WITHIN));
            if (lock.lockedAt().equals(now)) {
                events.publishEvent(new AttemptsLocked(rule, who, lock.until(), lock.locks()));
            }
            return lockOf(rule, who, lock.until(), now);
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
}
