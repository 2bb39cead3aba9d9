package cn.tzsw.college.hours;

import cn.tzsw.college.hours.domain.HoursRuleRepository;
import cn.tzsw.college.shared.CertificateLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The continuing-education rule in SQL, the twin of {@link RegistrationPeriod#current} and {@link Progress#status}
 * (ComplianceRuleSqlTest holds both to one table of cases). Its text is written here once and reaches SQL two ways:
 * <ul>
 *   <li>inline, through {@link #periodStart}, {@link #periodEnd} and {@link #status}, in set-based statements
 *       (the reports, the renewal window, the trainee directory): a stored function costs about 20 microseconds
 *       per call, which made the nightly recompute of 200,000 statuses ten times slower;</li>
 *   <li>as the stored functions {@code hours_period_start(first_start, years, day)},
 *       {@code hours_period_end(start, years)}, {@code hours_status(required, start, end, earned, day)} and
 *       {@code hours_status_required(status)} / {@code hours_status_compliant(status)}, for
 *       the per-row triggers, created from the same text by Liquibase at every start ({@link ComplianceFunctions}).</li>
 * </ul>
 * The configured numbers ({@link ContinuingEducationProperties}) reach SQL from here too, in two forms: written
 * into statements as literals by {@link #required} and {@link #periodYears} (joining a table per row made the
 * nightly recompute 1.5x slower), and into the table {@code hours_rule} at start-up, before anything reads it, for
 * the triggers (one row per certificate level with a registration period). The functions take the numbers as
 * parameters, so they run no query of their own.
 */
@Component
public class ComplianceSql implements InitializingBean {

    private final ContinuingEducationProperties rule;
    private final HoursRuleRepository rules;

    ComplianceSql(ContinuingEducationProperties rule, HoursRuleRepository rules) {
        this.rule = rule;
        this.rules = rules;
    }

    /**
     * The first day of the registration period that contains {@code day}: {@code years} long from the first start,
     * renewed back to back (a period that has not begun yet is the first one); NULL without a first start or a
     * period length. The arguments are SQL expressions (columns or parameters), each used several times.
     */
    public static String periodStart(String firstStart, String years, String day) {
        return """
                (CASE WHEN %1$s IS NULL OR %2$s IS NULL THEN NULL \
                WHEN %3$s > %1$s THEN DATE_ADD(%1$s, INTERVAL (TIMESTAMPDIFF(YEAR, %1$s, %3$s) DIV %2$s) * %2$s YEAR) \
                ELSE %1$s END)""".formatted(firstStart, years, day);
    }

    /** The last day of the period that begins on {@code start}. */
    public static String periodEnd(String start, String years) {
        return "DATE_SUB(DATE_ADD(%s, INTERVAL %s YEAR), INTERVAL 1 DAY)".formatted(start, years);
    }

    /**
     * The {@link ComplianceStatus} name for a period, the hours earned in it and a day: MET when the requirement is
     * earned; ON_TRACK when the hours keep pace with the elapsed share of the period, compared exactly
     * (earned x period days &gt;= required x elapsed days); NOT_REQUIRED without a period or a requirement.
     */
    public static String status(String required, String start, String end, String earned, String day) {
        return """
                (CASE WHEN %2$s IS NULL OR %1$s IS NULL OR %1$s <= 0 THEN 'NOT_REQUIRED' \
                WHEN %4$s >= %1$s THEN 'MET' \
                WHEN %4$s * (DATEDIFF(%3$s, %2$s) + 1) \
                >= %1$s * LEAST(GREATEST(DATEDIFF(%5$s, %2$s), 0), DATEDIFF(%3$s, %2$s) + 1) THEN 'ON_TRACK' \
                ELSE 'BEHIND' END)""".formatted(required, start, end, earned, day);
    }

    /**
     * 1 when the status (a {@link ComplianceStatus} name, or NULL for none yet) carries a requirement, else 0: what a
     * report counts as "required".
     */
    public static String statusRequired(String status) {
        return "IFNULL(%s <> 'NOT_REQUIRED', 0)".formatted(status);
    }

    /**
     * 1 when the status keeps a requirement (MET or ON_TRACK: {@link ComplianceStatus#compliant} of a status that
     * carries one), else 0: what a report counts as "compliant".
     */
    public static String statusCompliant(String status) {
        return "IFNULL(%s IN ('MET', 'ON_TRACK'), 0)".formatted(status);
    }

    /** The hours required per period for the certificate level in {@code level}, as configured (0 without a period). */
    public String required(String level) {
        StringBuilder cases = new StringBuilder("(CASE ").append(level);
        for (CertificateLevel certified : certified()) {
            cases.append(" WHEN '").append(certified.name()).append("' THEN ")
                    .append(rule.required(certified).toPlainString());
        }
        return cases.append(" ELSE 0 END)").toString();
    }

    /** The period length in years for the certificate level in {@code level}; NULL for a level without a period. */
    public String periodYears(String level) {
        StringBuilder cases = new StringBuilder("(CASE WHEN ").append(level).append(" IN (");
        cases.append(String.join(", ", certified().stream().map(l -> "'" + l.name() + "'").toList()));
        return cases.append(") THEN ").append(rule.getPeriodYears()).append(" END)").toString();
    }

    private static List<CertificateLevel> certified() {
        return Arrays.stream(CertificateLevel.values()).filter(CertificateLevel::certified).toList();
    }

    /**
     * The stored functions, from the same text. The status is ASCII so that it compares with a string of any
     * collation (the database's and the connection's differ).
     */
    static List<String> functions() {
        return List.of("""
                CREATE OR REPLACE FUNCTION hours_period_start(p_first DATE, p_years INT, p_day DATE)
                RETURNS DATE DETERMINISTIC NO SQL
                RETURN\s""" + periodStart("p_first", "p_years", "p_day"), """
                CREATE OR REPLACE FUNCTION hours_period_end(p_start DATE, p_years INT)
                RETURNS DATE DETERMINISTIC NO SQL
                RETURN\s""" + periodEnd("p_start", "p_years"), """
                CREATE OR REPLACE FUNCTION hours_status(p_required DECIMAL(9,1), p_start DATE, p_end DATE,
                                                        p_earned DECIMAL(12,1), p_day DATE)
                RETURNS VARCHAR(12) CHARACTER SET ascii DETERMINISTIC NO SQL
                RETURN\s""" + status("p_required", "p_start", "p_end", "p_earned", "p_day"), """
                CREATE OR REPLACE FUNCTION hours_status_required(p_status VARCHAR(12))
                RETURNS TINYINT DETERMINISTIC NO SQL
                RETURN\s""" + statusRequired("p_status"), """
                CREATE OR REPLACE FUNCTION hours_status_compliant(p_status VARCHAR(12))
                RETURNS TINYINT DETERMINISTIC NO SQL
                RETURN\s""" + statusCompliant("p_status"));
    }

    @Override
    public void afterPropertiesSet() {
        Map<String, BigDecimal> required = new LinkedHashMap<>();
        certified().forEach(level -> required.put(level.name(), rule.required(level)));
        rules.store(required, rule.getPeriodYears());
    }

    /**
     * Wraps a query over trainee rows (it must select {@code id}, {@code certificate_level} and
     * {@code period_start}) and adds the columns {@code cur_start}, {@code cur_end} (the current registration
     * period), {@code required}, {@code earned} (in that period) and {@code compliance} (a {@link ComplianceStatus}
     * name). Its named parameters come from {@link #params(LocalDate)}.
     */
    public String standing(String traineeQuery) {
        return """
                SELECT s.*, %s AS compliance
                FROM (
                  SELECT p.*, (SELECT COALESCE(SUM(h.hours), 0) FROM hours_entry h
                               WHERE h.trainee_id = p.id AND h.earned_on BETWEEN p.cur_start AND p.cur_end) AS earned
                  FROM (
                    SELECT c.*, %s AS cur_end
                    FROM (
                      SELECT a.*, %s AS cur_start
                      FROM (SELECT b.*, %s AS ce_years, %s AS required FROM (%s) b) a
                    ) c
                  ) p
                ) s""".formatted(status("s.required", "s.cur_start", "s.cur_end", "s.earned", ":ce_today"),
                periodEnd("c.cur_start", "c.ce_years"), periodStart("a.period_start", "a.ce_years", ":ce_today"),
                periodYears("b.certificate_level"), required("b.certificate_level"), traineeQuery);
    }

    public Map<String, Object> params(LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        params.put("ce_today", today);
        return params;
    }
}
