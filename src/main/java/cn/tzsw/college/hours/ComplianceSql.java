package cn.tzsw.college.hours;

import cn.tzsw.college.trainees.CertificateLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The continuing-education rule for SQL callers. Hours publishes it in the database (changelog
 * 2026-12-06-10-hours-compliance-rule): the table {@code hours_rule} (required hours and period length per
 * certificate level; no row for a level without a registration period) and the functions
 * {@code hours_period_start(first_start, years, day)}, {@code hours_period_end(start, years)} and
 * {@code hours_status(required, start, end, earned, day)}, the SQL form of {@link RegistrationPeriod#current} and
 * {@link Progress#status}. ComplianceRuleSqlTest holds both forms to one table of cases.
 *
 * <p>The configured numbers reach SQL through {@code hours_rule} only, written here from
 * {@link ContinuingEducationProperties} at start-up, before anything (the report triggers, the start-up refresh of
 * the report rollups) reads it.
 */
@Component
public class ComplianceSql implements InitializingBean {

    private final ContinuingEducationProperties rule;
    private final JdbcClient jdbc;

    ComplianceSql(ContinuingEducationProperties rule, JdbcClient jdbc) {
        this.rule = rule;
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        // Upserts, so that another instance's triggers never find the table empty.
        List<String> certified = new ArrayList<>();
        for (CertificateLevel level : CertificateLevel.values()) {
            if (level.certified()) {
                certified.add(level.name());
                jdbc.sql("""
                        INSERT INTO hours_rule (certificate_level, required_hours, period_years) VALUES (?, ?, ?)
                        ON DUPLICATE KEY UPDATE required_hours = VALUES(required_hours),
                                                period_years = VALUES(period_years)""")
                        .params(level.name(), rule.required(level), rule.getPeriodYears()).update();
            }
        }
        jdbc.sql("DELETE FROM hours_rule WHERE certificate_level NOT IN (:levels)").param("levels", certified).update();
    }

    /**
     * Wraps a query over trainee rows (it must select {@code id}, {@code certificate_level} and
     * {@code period_start}) and adds the columns {@code cur_start}, {@code cur_end} (the current registration
     * period), {@code required}, {@code earned} (in that period) and {@code compliance} (a {@link ComplianceStatus}
     * name). Its named parameters come from {@link #params(LocalDate)}.
     */
    public String standing(String traineeQuery) {
        return """
                SELECT s.*, hours_status(s.required, s.cur_start, s.cur_end, s.earned, :ce_today) AS compliance
                FROM (
                  SELECT p.*, (SELECT COALESCE(SUM(h.hours), 0) FROM hours_entry h
                               WHERE h.trainee_id = p.id AND h.earned_on BETWEEN p.cur_start AND p.cur_end) AS earned
                  FROM (
                    SELECT c.*, hours_period_end(c.cur_start, c.ce_years) AS cur_end
                    FROM (
                      SELECT b.*, hours_period_start(b.period_start, r.period_years, :ce_today) AS cur_start,
                             r.period_years AS ce_years, COALESCE(r.required_hours, 0) AS required
                      FROM (%s) b LEFT JOIN hours_rule r ON r.certificate_level = b.certificate_level
                    ) c
                  ) p
                ) s""".formatted(traineeQuery);
    }

    public Map<String, Object> params(LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        params.put("ce_today", today);
        return params;
    }
}
