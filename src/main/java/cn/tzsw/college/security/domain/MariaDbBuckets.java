package cn.tzsw.college.security.domain;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Bucket4j's buckets in the attempt_bucket table of MariaDB, locked row by row with SELECT ... FOR UPDATE. The
 * same protocol as Bucket4j's MySQL module, which cannot run here: it catches a class of MySQL's own JDBC driver,
 * and this application talks to MariaDB through MariaDB's. A row's expires_at (epoch ms of the application's
 * clock) says when its bucket is full again and the row can go.
 */
@Component
public class MariaDbBuckets extends AbstractSelectForUpdateBasedProxyManager<String> {

    /** A full bucket's row may go a minute after its last write. */
    private static final ExpirationAfterWriteStrategy EXPIRATION =
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1));

    private final DataSource dataSource;
    private final TimeMeter clock;

    /** Buckets refill by the application's clock, which tests can move. */
    public MariaDbBuckets(DataSource dataSource, Clock clock) {
        super(ClientSideConfig.getDefault().withClientClock(new ClockTimeMeter(clock))
                .withExpirationAfterWriteStrategy(EXPIRATION));
        this.dataSource = dataSource;
        this.clock = new ClockTimeMeter(clock);
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
        return new SelectForUpdateBasedTransaction() {

            @Override
            public void begin(Optional<Long> timeout) {
                run(() -> connection.setAutoCommit(false));
            }

            @Override
            public LockAndGetResult tryLockAndGet(Optional<Long> timeout) {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT state FROM attempt_bucket WHERE id = ? FOR UPDATE")) {
                    select.setString(1, key);
                    try (ResultSet rs = select.executeQuery()) {
                        return rs.next() ? LockAndGetResult.locked(rs.getBytes("state")) : LockAndGetResult.notLocked();
                    }
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            /** False when another node's insert of the same key deadlocked with ours: Bucket4j then tries again. */
            @Override
            public boolean tryInsertEmptyData(Optional<Long> timeout) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT IGNORE INTO attempt_bucket (id, state) VALUES (?, NULL)")) {
                    insert.setString(1, key);
                    insert.executeUpdate();
                    return true;
                } catch (SQLTransactionRollbackException e) {
                    return false;
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public void update(byte[] data, RemoteBucketState state, Optional<Long> timeout) {
                long now = clock.currentTimeNanos();
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE attempt_bucket SET state = ?, expires_at = ? WHERE id = ?")) {
                    update.setBytes(1, data);
                    update.setLong(2, now / 1_000_000 + EXPIRATION.calculateTimeToLiveMillis(state, now));
                    update.setString(3, key);
                    update.executeUpdate();
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public void commit(Optional<Long> timeout) {
                run(connection::commit);
            }

            @Override
            public void rollback() {
                run(connection::rollback);
            }

            @Override
            public void release() {
                run(connection::close);
            }
        };
    }

    /** Kept by {@link #update} in expires_at, swept by {@link #removeExpired}. */
    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    public void removeProxy(String key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM attempt_bucket WHERE id = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }

    /** Deletes up to {@code limit} rows whose buckets are full again; any node may do it. */
    public int removeExpired(int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM attempt_bucket WHERE expires_at < ? LIMIT ?")) {
            delete.setLong(1, clock.currentTimeNanos() / 1_000_000);
            delete.setInt(2, limit);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }

    private interface JdbcStep {
        void run() throws SQLException;
    }

    private static void run(JdbcStep step) {
        try {
            step.run();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }

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
