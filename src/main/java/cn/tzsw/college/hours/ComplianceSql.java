package cn.tzsw.college.hours;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The SQL twin of {@link Progress#status(LocalDate)}, for lists that filter or page by compliance: the same
 * current period ({@link RegistrationPeriod#current}), the same requirement, the same exact "on track" comparison.
 * ComplianceSqlTest checks that both agree.
 */
@Component
public class ComplianceSql {

    private final ContinuingEducationProperties rule;

    ComplianceSql(ContinuingEducationProperties rule) {
        this.rule = rule;
    }

    /**
     * Wraps a query over trainee rows (it must select {@code id}, {@code certificate_level} and
     * {@code period_start}) and adds the columns {@code cur_start}, {@code next_start} (the day after the period),
     * {@code required}, {@code earned} and {@code compliance} (a {@link ComplianceStatus} name). Its named
     * parameters come from {@link #params(LocalDate)}.
     */
    public String standing(String traineeQuery) {
        return """
                SELECT s.*, CASE
                    WHEN s.cur_start IS NULL OR s.required = 0 THEN 'NOT_REQUIRED'
                    WHEN s.earned >= s.required THEN 'MET'
                    WHEN s.earned * DATEDIFF(s.next_start, s.cur_start)
                         >= s.required * LEAST(GREATEST(DATEDIFF(:ce_today, s.cur_start), 0), DATEDIFF(s.next_start, s.cur_start))
                      THEN 'ON_TRACK'
                    ELSE 'BEHIND' END AS compliance
                FROM (
                  SELECT p.*, (SELECT COALESCE(SUM(h.hours), 0) FROM hours_entry h
                               WHERE h.trainee_id = p.id AND h.earned_on >= p.cur_start AND h.earned_on < p.next_start) AS earned
                  FROM (
                    SELECT c.*, DATE_ADD(c.cur_start, INTERVAL :ce_years YEAR) AS next_start
                    FROM (
                      SELECT b.*,
                        CASE WHEN b.certificate_level <> 'NONE' AND b.period_start IS NOT NULL
                          THEN DATE_ADD(b.period_start, INTERVAL
                               (GREATEST(TIMESTAMPDIFF(YEAR, b.period_start, :ce_today), 0) DIV :ce_years) * :ce_years YEAR)
                        END AS cur_start,
                        CASE b.certificate_level WHEN 'ASSISTANT' THEN :ce_assistant WHEN 'INTERMEDIATE' THEN :ce_intermediate
                          WHEN 'SENIOR' THEN :ce_senior ELSE 0 END AS required
                      FROM (%s) b
                    ) c
                  ) p
                ) s""".formatted(traineeQuery);
    }

    public Map<String, Object> params(LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        params.put("ce_today", today);
        params.put("ce_years", rule.getPeriodYears());
        params.put("ce_assistant", rule.required(cn.tzsw.college.trainees.CertificateLevel.ASSISTANT));
        params.put("ce_intermediate", rule.required(cn.tzsw.college.trainees.CertificateLevel.INTERMEDIATE));
        params.put("ce_senior", rule.required(cn.tzsw.college.trainees.CertificateLevel.SENIOR));
        return params;
    }
}
