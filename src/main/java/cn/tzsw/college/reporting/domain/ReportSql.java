package cn.tzsw.college.reporting.domain;

import static cn.tzsw.college.hours.ComplianceSql.periodEnd;
import static cn.tzsw.college.hours.ComplianceSql.periodStart;
import static cn.tzsw.college.hours.ComplianceSql.status;
import static cn.tzsw.college.hours.ComplianceSql.statusCompliant;
import static cn.tzsw.college.hours.ComplianceSql.statusRequired;

import cn.tzsw.college.hours.ComplianceSql;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The SQL of the progress reports, over the rollups {@code report_trainee} (one row per trainee, clustered by
 * region code) and {@code report_trainee_year} (hours and lecture entries per trainee and year), which reporting's
 * procedures keep in step with the trainees and the ledger (called by their owners' triggers, changelog
 * 2026-12-06-22), and their sums per village {@code report_unit} and {@code report_unit_year} (changelog
 * 2026-11-29-60), which a report reads when their statuses are as of today. Other capabilities' data comes only
 * through their read models: {@code trainee_standing_v}, {@code hours_ledger_v}, {@code hours_rule_v},
 * {@code region_village_v}.
 *
 * <p>A trainee's registration period, the requirement and the compliance status (and which statuses count as
 * required and compliant) are hours' rule as {@link ComplianceSql} writes it (and the configured numbers) into
 * these statements. Parameters:
 * {@code :prefix} (subtree LIKE pattern) or {@code :code}, {@code :length} (the child units' code length),
 * {@code :today}, {@code :year} or {@code :from}/{@code :to}.
 */
@Component
class ReportSql {

    private final ComplianceSql rule;

    /** The period length of a rollup row {@code t}'s level (NULL: no period). */
    private final String years;

    /** The current period's start of a rollup row {@code t}. */
    private final String currentStart;

    ReportSql(ComplianceSql rule) {
        this.rule = rule;
        this.years = rule.periodYears("t.certificate_level");
        this.currentStart = periodStart("t.period_start", years, ":today");
    }

    /**
     * Per trainee of {@code report_trainee} matching {@code where}: id, region_code, required, earned (in the
     * current period) and status. Earned is the stored figure when it is for the current period, else it is summed
     * from the ledger on the spot (new trainees, changed period starts, periods that rolled over since the refresh).
     */
    String standing(String where) {
        return """
                SELECT g.id, g.region_code, g.required, g.earned, %s AS status
                FROM (SELECT p.id, p.region_code, p.required, p.cs, p.ce,
                             CASE WHEN p.cs IS NULL THEN 0
                                  WHEN p.cur_start = p.cs AND p.cur_end = p.ce THEN p.earned
                                  ELSE (SELECT COALESCE(SUM(h.hours), 0) FROM hours_ledger_v h
                                        WHERE h.trainee_id = p.id AND h.earned_on BETWEEN p.cs AND p.ce) END AS earned
                      FROM (SELECT b.*, %s AS ce
                            FROM (SELECT t.trainee_id AS id, t.region_code, %s AS required, %s AS years,
                                         %s AS cs, t.cur_start, t.cur_end, t.earned
                                  FROM report_trainee t WHERE %s) b) p) g"""
                .formatted(status("g.required", "g.cs", "g.ce", "g.earned", ":today"), periodEnd("b.cs", "b.years"),
                        rule.required("t.certificate_level"), years, currentStart, where);
    }

    /**
     * MariaDB would merge the nested selects of {@link #standing} and evaluate each trainee's period expressions
     * once per use (dozens of times per row); materialising them computes each once (3x faster on 200,000 trainees).
     */
    private static final String MATERIALISE = "SET STATEMENT optimizer_switch='derived_merge=off' FOR ";

    /** Trainees, those with a requirement and those compliant, per child unit. */
    String population() {
        return MATERIALISE + """
                SELECT LEFT(f.region_code, :length) AS unit, COUNT(*) AS trainees,
                       SUM(%s) AS required, SUM(%s) AS compliant
                FROM (%s) f GROUP BY unit""".formatted(statusRequired("f.status"), statusCompliant("f.status"),
                standing("t.region_code LIKE :prefix"));
    }

    /**
     * Trainees, those with a requirement and those compliant, per child unit, from the unit rollup: exact when its
     * statuses are as of today ({@link RollupRepository#isCurrent}); else use {@link #population}.
     */
    String unitPopulation() {
        return """
                SELECT LEFT(region_code, :length) AS unit, SUM(trainees) AS trainees, SUM(required) AS required,
                       SUM(compliant) AS compliant
                FROM report_unit WHERE region_code LIKE :prefix GROUP BY unit""";
    }

    /**
     * Active trainees, hours, lecture entries and villages with an active trainee, per child unit. A calendar year
     * reads the yearly unit rollup (one row per village); any other range sums the ledger itself.
     */
    String activity(boolean calendarYear) {
        if (calendarYear) {
            return """
                    SELECT LEFT(region_code, :length) AS unit, SUM(active) AS active, SUM(hours) AS hours,
                           SUM(lectures) AS lectures, SUM(active > 0 AND RIGHT(region_code, 3) <> '000') AS covered
                    FROM report_unit_year WHERE year = :year AND region_code LIKE :prefix GROUP BY unit""";
        }
        return """
                SELECT LEFT(x.region_code, :length) AS unit,
                       SUM(x.lectures > 0) AS active, SUM(x.hours) AS hours, SUM(x.lectures) AS lectures,
                       COUNT(DISTINCT CASE WHEN x.lectures > 0 AND RIGHT(x.region_code, 3) <> '000'
                                           THEN x.region_code END) AS covered
                FROM (SELECT t.region_code, h.trainee_id, SUM(h.hours) AS hours, SUM(h.lecture_id IS NOT NULL) AS lectures
                      FROM hours_ledger_v h JOIN trainee_standing_v t ON t.id = h.trainee_id
                      WHERE t.region_code LIKE :prefix AND h.earned_on BETWEEN :from AND :to
                      GROUP BY t.region_code, h.trainee_id) x GROUP BY unit""";
    }

    /** The trainees registered at exactly one unit ({@code :code}), with their figures, a page at a time. */
    String traineeList(boolean calendarYear) {
        String perTrainee = calendarYear
                ? "SELECT trainee_id, hours, lectures FROM report_trainee_year WHERE year = :year AND region_code = :code"
                : """
                SELECT h.trainee_id, SUM(h.hours) AS hours, SUM(h.lecture_id IS NOT NULL) AS lectures
                FROM hours_ledger_v h JOIN trainee_standing_v t ON t.id = h.trainee_id
                WHERE t.region_code = :code AND h.earned_on BETWEEN :from AND :to
                GROUP BY h.trainee_id""";
        return MATERIALISE + """
                SELECT f.id, tr.name, tr.id_number, tr.certificate_level, COALESCE(y.hours, 0) AS hours,
                       COALESCE(y.lectures, 0) AS lectures, f.earned, f.status
                FROM (%s) f JOIN trainee_standing_v tr ON tr.id = f.id LEFT JOIN (%s) y ON y.trainee_id = f.id
                ORDER BY tr.name, tr.id LIMIT :limit OFFSET :offset"""
                .formatted(standing("t.region_code = :code"), perTrainee);
    }

    /** How many trainees are registered at exactly the unit {@code :code}. */
    String traineeCount() {
        return "SELECT COUNT(*) FROM trainee_standing_v WHERE region_code = :code";
    }

    /** Villages per child unit, for the coverage. */
    String villages() {
        return """
                SELECT LEFT(code, :length) AS unit, COUNT(*) AS villages FROM region_village_v
                WHERE code LIKE :prefix GROUP BY unit""";
    }

    /** Empties the rollups before a rebuild (triggers paused). */
    List<String> clearRollups() {
        return List.of("DELETE FROM report_unit_year", "DELETE FROM report_trainee_year", "DELETE FROM report_trainee");
    }

    /** The next {@code :limit} trainees after id {@code :after}, with what their rollup row holds. */
    String traineesAfter() {
        return """
                SELECT id, region_code, certificate_level, period_start FROM trainee_standing_v
                WHERE id > :after ORDER BY id LIMIT :limit""";
    }

    /**
     * A multi-row INSERT of {@code rows} trainees' rollup rows (positional: region_code, trainee_id, level, period
     * start). Not INSERT ... SELECT: MariaDB 11.4 loses the NOT NULL region code after the first row of an
     * INSERT ... SELECT into a table with BEFORE triggers ("Column 'region_code' cannot be null").
     */
    String insertTrainees(int rows) {
        return "INSERT INTO report_trainee (region_code, trainee_id, certificate_level, period_start) VALUES "
                + String.join(",", Collections.nCopies(rows, "(?, ?, ?, ?)"));
    }

    /** Rebuilds the yearly rollups from the ledger (triggers paused). */
    List<String> rebuildYears() {
        return List.of("""
                INSERT INTO report_trainee_year (year, region_code, trainee_id, hours, lectures)
                SELECT YEAR(h.earned_on), t.region_code, h.trainee_id, SUM(h.hours), SUM(h.lecture_id IS NOT NULL)
                FROM hours_ledger_v h JOIN trainee_standing_v t ON t.id = h.trainee_id
                GROUP BY YEAR(h.earned_on), t.region_code, h.trainee_id""",
                """
                INSERT INTO report_unit_year (year, region_code, active, hours, lectures)
                SELECT year, region_code, SUM(lectures > 0), SUM(hours), SUM(lectures) FROM report_trainee_year
                GROUP BY year, region_code""");
    }

    /**
     * Hours' rule as the stored statuses are computed with it, written with every full refresh (one period length
     * for every level).
     */
    List<String> storeRule() {
        return List.of("DELETE FROM report_requirement",
                "INSERT INTO report_requirement (certificate_level, hours) SELECT certificate_level, required_hours"
                        + " FROM hours_rule_v",
                "UPDATE report_day SET as_of = :today, period_years = (SELECT MAX(period_years) FROM hours_rule_v)"
                        + " WHERE id = 1");
    }

    /** True when the stored statuses are as of {@code :today} under hours' rule as it stands. */
    String ruleIsCurrent() {
        return """
                SELECT COUNT(*) FROM report_day d WHERE d.id = 1 AND d.as_of = :today
                  AND NOT EXISTS (SELECT 1 FROM hours_rule_v r
                                  LEFT JOIN report_requirement q ON q.certificate_level = r.certificate_level
                                  WHERE q.hours IS NULL OR q.hours <> r.required_hours
                                     OR r.period_years <> d.period_years)""";
    }

    /** Every trainee's status as of {@code :today}, then the unit rollup from them (after {@link #refreshStanding}). */
    List<String> recomputeStatuses() {
        return List.of("""
                UPDATE report_trainee t SET t.status = %s""".formatted(
                        status(rule.required("t.certificate_level"), "t.cur_start", "t.cur_end", "t.earned", ":today")),
                "DELETE FROM report_unit",
                """
                INSERT INTO report_unit (region_code, trainees, required, compliant)
                SELECT region_code, COUNT(*), SUM(%s), SUM(%s)
                FROM report_trainee GROUP BY region_code"""
                        .formatted(statusRequired("status"), statusCompliant("status")));
    }

    /**
     * Stores the current period and the hours earned in it for every trainee whose stored period is missing, no
     * longer current or gone (no certificate or period start any more). The ledger's triggers keep the figure
     * current after that. The condition asks for the stored start's end, not the current start's: the same when
     * the start is current, and the start's expression is evaluated once fewer per trainee.
     */
    String refreshStanding() {
        String end = periodEnd(currentStart, years);
        return """
                UPDATE report_trainee t SET
                    t.earned = IF(%1$s IS NULL, 0,
                                  (SELECT COALESCE(SUM(h.hours), 0) FROM hours_ledger_v h
                                   WHERE h.trainee_id = t.trainee_id AND h.earned_on BETWEEN %1$s AND %2$s)),
                    t.cur_start = %1$s,
                    t.cur_end = %2$s
                WHERE NOT (t.cur_start <=> %1$s)
                   OR NOT (t.cur_end <=> %3$s)"""
                .formatted(currentStart, end, periodEnd("t.cur_start", years));
    }
}
