package cn.tzsw.college.trainees.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The JDBC fragment of {@link TraineeRepository}. */
class TraineeBatchImpl implements TraineeBatch {

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final Clock clock;

    TraineeBatchImpl(JdbcTemplate jdbcTemplate, JdbcClient jdbc, Clock clock) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Addressee> addressees(Collection<Long> traineeIds) {
        if (traineeIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, name, email, account_id FROM trainee WHERE id IN (:ids)").param("ids", traineeIds)
                .query((rs, row) -> new Addressee(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    @Override
    public Map<String, Existing> existingByIdNumber(Collection<String> idNumbers) {
        Map<String, Existing> found = new HashMap<>();
        if (!idNumbers.isEmpty()) {
            jdbc.sql("SELECT id, account_id, id_number, phone, region_code FROM trainee WHERE id_number IN (:ids)")
                    .param("ids", idNumbers)
                    .query(rs -> {
                        found.put(rs.getString("id_number"), new Existing(rs.getLong("id"), rs.getLong("account_id"),
                                rs.getString("phone"), rs.getString("region_code")));
                    });
        }
        return found;
    }

    @Override
    public Map<String, Long> idsByPhone(Collection<String> phones) {
        Map<String, Long> found = new HashMap<>();
        if (!phones.isEmpty()) {
            jdbc.sql("SELECT id, phone FROM trainee WHERE phone IN (:phones)").param("phones", phones)
                    .query(rs -> {
                        found.put(rs.getString("phone"), rs.getLong("id"));
                    });
        }
        return found;
    }

    @Override
    public void insertAll(List<NewTrainee> trainees) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        jdbcTemplate.batchUpdate("""
                        INSERT INTO trainee (account_id, name, id_number, phone, email, gender, birth_date, work_unit,
                          region_code, certificate_level, period_start, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                trainees.stream().map(t -> new Object[] {t.accountId(), t.name(), t.idNumber().value(), t.phone(),
                        t.email(), t.idNumber().gender().name(), Date.valueOf(t.idNumber().birthDate()), t.workUnit(),
                        t.regionCode(), t.level().name(), date(t.periodStart()), now}).toList());
    }

    @Override
    public void updateAll(List<Change> changes) {
        jdbcTemplate.batchUpdate("""
                        UPDATE trainee SET name = ?, phone = ?, email = COALESCE(?, email), work_unit = ?, region_code = ?,
                          certificate_level = ?, period_start = ? WHERE id = ?""",
                changes.stream().map(c -> new Object[] {c.name(), c.phone(), c.email(), c.workUnit(), c.regionCode(),
                        c.level().name(), date(c.periodStart()), c.traineeId()}).toList());
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
