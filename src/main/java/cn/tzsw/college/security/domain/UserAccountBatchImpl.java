package cn.tzsw.college.security.domain;

import cn.tzsw.college.security.AccountRename;
import cn.tzsw.college.security.NewTraineeAccount;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The JDBC fragment of {@link UserAccountRepository}; joins the caller's transaction. */
class UserAccountBatchImpl implements UserAccountBatch {

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final Clock clock;

    UserAccountBatchImpl(JdbcTemplate jdbcTemplate, JdbcClient jdbc, Clock clock) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Map<Long, String> localesOf(Collection<Long> accountIds) {
        Map<Long, String> locales = new HashMap<>();
        if (!accountIds.isEmpty()) {
            jdbc.sql("SELECT id, locale FROM user_account WHERE id IN (:ids)").param("ids", accountIds)
                    .query(rs -> {
                        locales.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return locales;
    }

    @Override
    public Set<String> existingUsernames(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT username FROM user_account WHERE username IN (:usernames)")
                .param("usernames", usernames).query(String.class).list());
    }

    @Override
    public Map<String, Long> insertTrainees(List<NewTraineeAccount> accounts, String passwordHash) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        jdbcTemplate.batchUpdate("""
                        INSERT INTO user_account (username, password_hash, display_name, role, locale, enabled, created_at)
                        VALUES (?, ?, ?, 'TRAINEE', 'zh-CN', TRUE, ?)""",
                accounts.stream().map(a -> new Object[] {a.username(), passwordHash, a.displayName(), now}).toList());
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT id, username FROM user_account WHERE username IN (:usernames)")
                .param("usernames", accounts.stream().map(NewTraineeAccount::username).toList())
                .query(rs -> {
                    ids.put(rs.getString("username"), rs.getLong("id"));
                });
        return ids;
    }

    @Override
    public void rename(List<AccountRename> renames) {
        jdbcTemplate.batchUpdate("UPDATE user_account SET username = ?, display_name = ? WHERE id = ?",
                renames.stream().map(r -> new Object[] {r.username(), r.displayName(), r.accountId()}).toList());
    }
}
