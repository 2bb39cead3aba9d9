package cn.tzsw.college.trainees.domain;

import cn.tzsw.college.trainees.TraineeRef;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a {@link TraineeRef} with one indexed query, without loading the whole profile. */
@Repository
public class TraineeRefQuery {

    private final JdbcClient jdbc;

    TraineeRefQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TraineeRef> byAccount(long accountId) {
        return jdbc.sql("SELECT id, region_code FROM trainee WHERE account_id = ?").param(accountId)
                .query((rs, row) -> new TraineeRef(rs.getLong(1), rs.getString(2))).optional();
    }
}
