package cn.tzsw.college.attendance.domain;

import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The check-in signing key kept in the database (attendance_signing_key, one row) when none is configured. */
@Repository
public class SigningKeyRepository {

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The stored key; {@code candidate} becomes it if there is none yet. Nodes starting at once each offer their
     * own, the first insert wins (the others are ignored on the key), and every node reads back the same one.
     */
    public byte[] keyOr(byte[] candidate, LocalDateTime now) {
        jdbc.sql("INSERT IGNORE INTO attendance_signing_key (id, secret, created_at) VALUES (1, ?, ?)")
                .params(candidate, now).update();
        return jdbc.sql("SELECT secret FROM attendance_signing_key WHERE id = 1").query(byte[].class).single();
    }
}
