package cn.tzsw.college.security.domain;

import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code password_reset}: one row per mailed link, holding only the SHA-256 of its token. */
@Repository
public class PasswordResetRepository {

    private final JdbcClient jdbc;

    PasswordResetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long accountId, String tokenHash, LocalDateTime createdAt, LocalDateTime expiresAt) {
        jdbc.sql("INSERT INTO password_reset (account_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(accountId, tokenHash, createdAt, expiresAt)
                .update();
    }

    /** Whether a link with this hash is neither used nor expired at {@code now}. */
    public boolean usable(String tokenHash, LocalDateTime now) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM password_reset WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""")
                .params(tokenHash, now).query(Integer.class).single() > 0;
    }

    /** The account of a usable link, its row locked for this transaction (so only one use gets through). */
    public Optional<Long> lockUsable(String tokenHash, LocalDateTime now) {
        return jdbc.sql("""
                        SELECT account_id FROM password_reset WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
                        FOR UPDATE""")
                .params(tokenHash, now).query(Long.class).optional();
    }

    /** Every link of the account stops working. */
    public void useAll(long accountId, LocalDateTime now) {
        jdbc.sql("UPDATE password_reset SET used_at = ? WHERE account_id = ? AND used_at IS NULL")
                .params(now, accountId).update();
    }
}
