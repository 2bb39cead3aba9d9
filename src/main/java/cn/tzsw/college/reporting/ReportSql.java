package cn.tzsw.college.reporting;

import cn.tzsw.college.hours.ContinuingEducationProperties;
import cn.tzsw.college.trainees.CertificateLevel;
import java.math.BigDecimal;
import java.util.StringJoiner;
import org.springframework.stereotype.Component;

/**
 * The SQL of the progress reports. One place defines, per trainee, the registration period, the hours earned in it
 * and the compliance status, exactly as {@code hours.Progress.status(today)} does:
 * <ul>
 *   <li>current period start {@code cs} = period_start + k x years (the last such start not after today),
 *       end {@code ce} = cs + years - 1 day ({@code hours.RegistrationPeriod.current});</li>
 *   <li>NOT_REQUIRED without a certificate, a period start or a required number of hours;</li>
 *   <li>MET when earned in [cs, ce] &gt;= required; ON_TRACK when earned &gt;= required x elapsed share of the
 *       period (elapsed days / period days, clamped to 0..1); else BEHIND.</li>
 * </ul>
 * Parameters: {@code :prefix} (subtree LIKE pattern), {@code :today}, {@code :years}; the hours required per level are
 * written into the statement from {@link ContinuingEducationProperties}.
 */
@Component
class ReportSql {

    private final ContinuingEducationProperties rule;

    ReportSql(ContinuingEducationProperties rule) {
        this.rule = rule;
    }

    int periodYears() {
        return rule.getPeriodYears();
    }

    private String required() {
        StringJoiner cases = new StringJoiner(" ", "CASE certificate_level ", " ELSE 0 END");
        for (CertificateLevel level : CertificateLevel.values()) {
            BigDecimal hours = rule.required(level);
            cases.add("WHEN '" + level.name() + "' THEN " + hours.toPlainString());
        }
        return cases.toString();
    }

    /** Trainees matching {@code where} with their current period: id, region_code, required, cs, ce. */
    private String periods(String where) {
        return """
                SELECT b.id, b.region_code, b.required, b.cs,
                       DATE_SUB(DATE_ADD(b.cs, INTERVAL :years YEAR), INTERVAL 1 DAY) AS ce
                FROM (SELECT id, region_code, %s AS required,
                             CASE WHEN certificate_level = 'NONE' OR period_start IS NULL THEN NULL
                                  WHEN :today > period_start THEN DATE_ADD(period_start,
                                       INTERVAL (TIMESTAMPDIFF(YEAR, period_start, :today) DIV :years) * :years YEAR)
                                  ELSE period_start END AS cs
                      FROM trainee WHERE %s) b""".formatted(required(), where);
    }

    /**
     * Per trainee: id, region_code, earned (in the current period) and status. Earned comes from the maintained
     * rollup {@code report_standing} when its row is for the current period, else straight from the ledger.
     */
    String standing(String where) {
        return """
                SELECT g.id, g.region_code, g.required, g.earned,
                       CASE WHEN g.cs IS NULL OR g.required <= 0 THEN 'NOT_REQUIRED'
                            WHEN g.earned >= g.required THEN 'MET'
                            WHEN g.earned * (DATEDIFF(g.ce, g.cs) + 1)
                                 >= g.required * LEAST(GREATEST(DATEDIFF(:today, g.cs), 0), DATEDIFF(g.ce, g.cs) + 1)
                                 THEN 'ON_TRACK'
                            ELSE 'BEHIND' END AS status
                FROM (SELECT p.id, p.region_code, p.required, p.cs, p.ce,
                             CASE WHEN p.cs IS NULL THEN 0
                                  WHEN s.cur_start = p.cs AND s.cur_end = p.ce THEN s.earned
                                  ELSE (SELECT COALESCE(SUM(h.hours), 0) FROM hours_entry h
                                        WHERE h.trainee_id = p.id AND h.earned_on BETWEEN p.cs AND p.ce) END AS earned
                      FROM (%s) p LEFT JOIN report_standing s ON s.trainee_id = p.id) g""".formatted(periods(where));
    }

    /**
     * Per trainee: hours and lecture entries in the period. A calendar year reads the yearly rollup ({@code :year});
     * any other range sums the ledger ({@code :from}, {@code :to}) for the trainees under {@code :prefix}.
     */
    String periodFigures(boolean calendarYear) {
        return calendarYear
                ? "SELECT trainee_id, hours, lectures FROM report_trainee_year WHERE year = :year"
                : """
                SELECT h.trainee_id, SUM(h.hours) AS hours, SUM(h.lecture_id IS NOT NULL) AS lectures
                FROM hours_entry h JOIN trainee t ON t.id = h.trainee_id
                WHERE t.region_code LIKE :prefix AND h.earned_on BETWEEN :from AND :to
                GROUP BY h.trainee_id""";
    }

    /** The report rows: figures per child unit ({@code :length} = the child's significant code length). */
    String rollup(boolean calendarYear) {
        return """
                SELECT LEFT(f.region_code, :length) AS unit,
                       COUNT(*) AS trainees,
                       COALESCE(SUM(y.lectures > 0), 0) AS active,
                       COALESCE(SUM(y.hours), 0) AS hours,
                       COALESCE(SUM(y.lectures), 0) AS lectures,
                       SUM(f.status <> 'NOT_REQUIRED') AS required,
                       SUM(f.status IN ('MET', 'ON_TRACK')) AS compliant,
                       COUNT(DISTINCT CASE WHEN y.lectures > 0 AND RIGHT(f.region_code, 3) <> '000'
                                           THEN f.region_code END) AS covered
                FROM (%s) f LEFT JOIN (%s) y ON y.trainee_id = f.id
                GROUP BY unit""".formatted(standing("region_code LIKE :prefix"), periodFigures(calendarYear));
    }

    /** The trainees registered at exactly one unit ({@code :code}), with their figures, a page at a time. */
    String traineeList(boolean calendarYear) {
        return """
                SELECT f.id, tr.name, tr.id_number, tr.certificate_level, COALESCE(y.hours, 0) AS hours,
                       COALESCE(y.lectures, 0) AS lectures, f.earned, f.status
                FROM (%s) f JOIN trainee tr ON tr.id = f.id LEFT JOIN (%s) y ON y.trainee_id = f.id
                ORDER BY tr.name, tr.id LIMIT :limit OFFSET :offset"""
                .formatted(standing("region_code = :code"), periodFigures(calendarYear));
    }

    /** Villages per child unit, for the coverage. */
    String villages() {
        return """
                SELECT LEFT(code, :length) AS unit, COUNT(*) AS villages FROM region
                WHERE code LIKE :prefix AND level = 'VILLAGE' GROUP BY unit""";
    }

    /**
     * Writes {@code report_standing} for every certified trainee whose row is missing or for another period (new
     * trainees, a changed period start, a period that rolled over). The ledger triggers keep the rows current after.
     */
    String rebuildStanding() {
        return """
                INSERT INTO report_standing (trainee_id, cur_start, cur_end, earned)
                SELECT p.id, p.cs, p.ce, (SELECT COALESCE(SUM(h.hours), 0) FROM hours_entry h
                                          WHERE h.trainee_id = p.id AND h.earned_on BETWEEN p.cs AND p.ce)
                FROM (%s) p LEFT JOIN report_standing s ON s.trainee_id = p.id
                WHERE p.cs IS NOT NULL AND (s.trainee_id IS NULL OR s.cur_start <> p.cs OR s.cur_end <> p.ce)
                ON DUPLICATE KEY UPDATE cur_start = VALUES(cur_start), cur_end = VALUES(cur_end), earned = VALUES(earned)"""
                .formatted(periods("TRUE"));
    }
}
