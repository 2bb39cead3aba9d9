package cn.tzsw.college.security.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The attempt_lock table: a key's lock after too many attempts, its end, and how many came in a row. */
@Repository
public class AttemptLockRepository {

    /** A lock as stored; {@code rule} is the rule's key. */
    public record StoredLock(String rule, String subject, LocalDateTime lockedAt, LocalDateTime until, int locks) {
    }

    private final JdbcClient jdbc;

    AttemptLockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When the key's lock ends, if it still holds at {@code now}. */
    public Optional<LocalDateTime> lockedUntil(String key, LocalDateTime now) {
        return jdbc.sql("SELECT locked_until FROM attempt_lock WHERE lock_key = ? AND locked_until > ?")
                .params(key, now)
                .query(LocalDateTime.class).optional();
    }

    public void delete(String key) {
        jdbc.sql("DELETE FROM attempt_lock WHERE lock_key = ?").param(key).update();
    }

    /** The locks of these rules that hold at {@code now}, the longest first. */
    public List<StoredLock> holding(Collection<String> rules, LocalDateTime now) {
        return jdbc.sql("""
                        SELECT rule, subject, locked_at, locked_until, locks FROM attempt_lock
                        WHERE rule IN (:rules) AND locked_until > :now
                        ORDER BY locked_until DESC, subject""")
                .param("rules", rules)
                .param("now", now)
                .query(AttemptLockRepository::stored)
                .list();
    }

    public void deleteEndedBefore(LocalDateTime time) {
        jdbc.sql("DELETE FROM attempt_lock WHERE locked_until < ?").param(time).update();
    }

    /**
     * One statement decides, so that two nodes locking the same key at once agree: a lock that still holds stays
     * as it is; otherwise a new one of {@code lockSeconds} starts, twice as long as the previous (at most
     * {@code maxLockSeconds}) if that one ended after {@code repeatAfter}. MariaDB evaluates the assignments left to
     * right, each seeing the columns assigned before it. Returns the lock as it stands then.
     */
    public StoredLock lock(String key, String rule, String subject, LocalDateTime now, long lockSeconds,
                           long maxLockSeconds, LocalDateTime repeatAfter) {
        jdbc.sql("""
                        INSERT INTO attempt_lock (lock_key, rule, subject, locked_at, locked_until, locks)
                        VALUES (:key, :rule, :subject, :now, :now + INTERVAL :lock SECOND, 1)
                        ON DUPLICATE KEY UPDATE
                          locks = IF(locked_until > :now, locks, IF(locked_until > :repeatAfter, locks + 1, 1)),
                          locked_at = IF(locked_until > :now, locked_at, :now),
                          locked_until = IF(locked_until > :now, locked_until,
                              :now + INTERVAL LEAST(:lock * POW(2, LEAST(locks, 20) - 1), :maxLock) SECOND)""")
                .param("key", key).param("rule", rule).param("subject", subject).param("now", now)
                .param("lock", lockSeconds)
                .param("maxLock", maxLockSeconds)
                .param("repeatAfter", repeatAfter)
                .update();
        return jdbc.sql("SELECT rule, subject, locked_at, locked_until, locks FROM attempt_lock WHERE lock_key = ?")
                .param(key)
                .query(AttemptLockRepository::stored)
                .single();
    }

    private static StoredLock stored(ResultSet rs, int row) throws SQLException {
        return new StoredLock(rs.getString("rule"), rs.getString("subject"), rs.getObject("locked_at", LocalDateTime.class),
                rs.getObject("locked_until", LocalDateTime.class), rs.getInt("locks"));
    }
}
