package cn.tzsw.college.hours;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.shared.CertificateLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SQL form of the compliance rule gives the same answer as Progress.status, day for day. */
class ComplianceSqlTest extends IntegrationTest {

    @Autowired
    ComplianceSql complianceSql;
    @Autowired
    ContinuingEducationProperties rule;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    JdbcClient jdbc;

    record Case(long traineeId, CertificateLevel level, LocalDate periodStart, List<LocalDate> days, List<BigDecimal> hours) {
    }

    @Test
    void sql_and_java_agree_on_every_trainee_and_day() {
        Random random = new Random(20261129);
        List<String> phones = fixtures.trainees(120, "331002001004", false);
        List<Case> cases = new ArrayList<>();
        for (String phone : phones) {
            long id = jdbcTemplate.queryForObject("SELECT id FROM trainee WHERE phone = ?", Long.class, phone);
            CertificateLevel level = CertificateLevel.values()[random.nextInt(4)];
            // Starts around leap days and period boundaries as well as anywhere in the last ten years.
            LocalDate start = switch (random.nextInt(4)) {
                case 0 -> LocalDate.of(2016 + random.nextInt(3) * 4, 2, 29);
                case 1 -> LocalDate.of(2020, 3, 1).plusDays(random.nextInt(3));
                default -> LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3650));
            };
            LocalDate periodStart = random.nextInt(10) == 0 ? null : start;
            List<LocalDate> days = new ArrayList<>();
            List<BigDecimal> hours = new ArrayList<>();
            for (int i = random.nextInt(8); i > 0; i--) {
                LocalDate day = start.plusDays(random.nextInt(3000) - 200);
                BigDecimal h = BigDecimal.valueOf(random.nextInt(60) + 1, 0).multiply(new BigDecimal("0.5"));
                days.add(day);
                hours.add(h);
                jdbcTemplate.update("INSERT INTO hours_entry (trainee_id, title, source, hours, earned_on, recorded_at)"
                        + " VALUES (?, 'x', 'EXTERNAL_TRAINING', ?, ?, NOW())", id, h, day);
            }
            jdbcTemplate.update("UPDATE trainee SET certificate_level = ?, period_start = ? WHERE id = ?", level.name(),
                    periodStart, id);
            cases.add(new Case(id, level, periodStart, days, hours));
        }
        // A trainee exactly on track at a period boundary: 72 h x 365 / 1095 = 24 h after one year of three.
        String exact = fixtures.trainees(1, "331002001004", false).getFirst();
        long exactId = jdbcTemplate.queryForObject("SELECT id FROM trainee WHERE phone = ?", Long.class, exact);
        jdbcTemplate.update("UPDATE trainee SET certificate_level = 'ASSISTANT', period_start = '2025-01-01' WHERE id = ?", exactId);
        jdbcTemplate.update("INSERT INTO hours_entry (trainee_id, title, source, hours, earned_on, recorded_at)"
                + " VALUES (?, 'x', 'EXTERNAL_TRAINING', 24.0, '2025-06-01', NOW())", exactId);
        cases.add(new Case(exactId, CertificateLevel.ASSISTANT, LocalDate.of(2025, 1, 1),
                List.of(LocalDate.of(2025, 6, 1)), List.of(new BigDecimal("24.0"))));

        List<LocalDate> todays = new ArrayList<>(List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2024, 2, 29),
                LocalDate.of(2023, 2, 28), LocalDate.of(2027, 12, 31)));
        for (int i = 0; i < 8; i++) {
            todays.add(LocalDate.of(2016, 1, 1).plusDays(random.nextInt(4000)));
        }
        int compared = 0;
        for (LocalDate today : todays) {
            Map<Long, String> sql = sqlStatus(today, cases.stream().map(Case::traineeId).toList());
            for (Case c : cases) {
                assertThat(sql.get(c.traineeId())).as("trainee %d (%s from %s) on %s", c.traineeId(), c.level(),
                        c.periodStart(), today).isEqualTo(javaStatus(c, today).name());
                compared++;
            }
        }
        assertThat(compared).isEqualTo(cases.size() * todays.size());
        assertThat(sqlStatus(LocalDate.of(2026, 1, 1), List.of(exactId))).containsEntry(exactId, "ON_TRACK");
        assertThat(sqlStatus(LocalDate.of(2026, 1, 2), List.of(exactId))).containsEntry(exactId, "BEHIND");
    }

    private ComplianceStatus javaStatus(Case c, LocalDate today) {
        if (!c.level().certified() || c.periodStart() == null) {
            return new Progress(c.traineeId(), "", c.level(), null, BigDecimal.ZERO, BigDecimal.ZERO, 0, "", List.of())
                    .status(today);
        }
        RegistrationPeriod period = RegistrationPeriod.current(c.periodStart(), today, rule.getPeriodYears());
        BigDecimal earned = BigDecimal.ZERO;
        for (int i = 0; i < c.days().size(); i++) {
            if (period.contains(c.days().get(i))) {
                earned = earned.add(c.hours().get(i));
            }
        }
        return new Progress(c.traineeId(), "", c.level(), period, rule.required(c.level()), earned,
                period.daysLeft(today), "", List.of()).status(today);
    }

    private Map<Long, String> sqlStatus(LocalDate today, List<Long> ids) {
        Map<String, Object> params = complianceSql.params(today);
        params.put("ids", ids);
        Map<Long, String> result = new HashMap<>();
        jdbc.sql(complianceSql.standing("SELECT id, certificate_level, period_start FROM trainee WHERE id IN (:ids)"))
                .params(params)
                .query(rs -> {
                    result.put(rs.getLong("id"), rs.getString("compliance"));
                });
        return result;
    }
}
