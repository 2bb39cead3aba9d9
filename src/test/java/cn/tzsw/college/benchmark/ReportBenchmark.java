package cn.tzsw.college.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.reporting.ProgressReport;
import cn.tzsw.college.reporting.ProgressReports;
import cn.tzsw.college.reporting.ReportPeriod;
import cn.tzsw.college.reporting.StandingRollup;
import cn.tzsw.college.reporting.UnitFigures;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.ActiveProfiles;

/**
 * The progress report at scale (issue 5): all Zhejiang units, 200,000 trainees, 2,000,000 ledger entries
 * ({@link ScaleData}, generated into target/benchmark-report-db on the first run and kept for later runs). Times the
 * report of each tier through the real service (method security, scope check, names, rollups) side by side with one
 * bare SQL statement over the raw tables (trainee, hours_entry, region) computing the same figures, in the same run,
 * and checks that both give the same figures.
 *
 * <p>Run: {@code ./mvnw test -Pbenchmark -Dtest=ReportBenchmark} (delete target/benchmark-report-db to regenerate).
 */
@SpringBootTest(properties = {"app.db.data-dir=target/benchmark-report-db", "spring.datasource.hikari.maximum-pool-size=4"})
@ActiveProfiles("demo")
class ReportBenchmark {

    /**
     * Timed runs per figure, the median reported: at least this many, more for a fast figure (as many as fit in
     * {@link #TIMED_MILLIS}, up to {@link #MAX_RUNS}), so that a few ms are not one noisy sample; a date range over
     * the ledger is timed once.
     */
    static final int RUNS = 3;
    static final int MAX_RUNS = 31;
    static final double TIMED_MILLIS = 1_000;
    record Tier(String name, String code, int childLength) {
    }

    static final List<Tier> TIERS = List.of(
            new Tier("province 浙江省 -> 11 cities", "330000000000", 4),
            new Tier("city 台州市 -> 9 counties", "331000000000", 6),
            new Tier("county 椒江区 -> townships", "331002000000", 9),
            new Tier("township 海门街道 -> villages", "331002001000", 12));

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ProgressReports reports;
    @Autowired
    StandingRollup standing;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Clock clock;

    @Test
    void report_per_tier_against_the_bare_sql() throws Exception {
        LocalDate today = LocalDate.now(clock);
        ScaleData data = new ScaleData(jdbc, dataSource);
        if (!data.present()) {
            double seconds = data.generate(today, standing);
            System.out.printf("%nGenerated %,d trainees and %,d ledger entries in %.0f s%n", ScaleData.TRAINEES,
                    ScaleData.ENTRIES, seconds);
        }
        // What the nightly refresh does when the day changes: every trainee's status again, and the unit sums.
        jdbc.update("UPDATE report_day SET as_of = NULL");
        long start = System.nanoTime();
        int written = standing.refresh();
        System.out.printf("Nightly standing refresh (every status as of %s): %,d periods written, %.1f s%n", today,
                written, (System.nanoTime() - start) / 1e9);
        ScaleData.describe(jdbc).forEach(System.out::println);

        Authentication admin = fixtures.signedIn("admin");
        List<String> lines = new ArrayList<>();
        for (ReportPeriod period : List.of(ReportPeriod.year(today.getYear()),
                new ReportPeriod(today.minusMonths(6), today))) {
            boolean year = period.calendarYear() != 0;
            lines.add("");
            lines.add("period " + period.from() + " .. " + period.to() + (year ? " (calendar year: yearly rollup)"
                    : " (date range: ledger)"));
            lines.add("| %-34s | %12s | %12s | %6s |".formatted("tier", "service ms", "bare SQL ms", "ratio"));
            lines.add("|%s|%s|%s|%s|".formatted("-".repeat(36), "-".repeat(14), "-".repeat(14), "-".repeat(8)));
            for (Tier tier : TIERS) {
                Supplier<ProgressReport> service = () -> fixtures.as(admin, () -> reports.report(tier.code(), period));
                Supplier<Map<String, List<Object>>> bare = () -> bareSql(tier, period, today);
                // Warm-up, and the check that both say the same.
                long warmUp = System.nanoTime();
                ProgressReport report = service.get();
                int serviceRuns = runs(year, warmUp);
                warmUp = System.nanoTime();
                Map<String, List<Object>> expected = bare.get();
                int bareRuns = runs(year, warmUp);
                assertSameFigures(report, expected, tier);
                double serviceMs = median(service, serviceRuns);
                double bareMs = median(bare, bareRuns);
                lines.add("| %-34s | %12.1f | %12.1f | %6.2f |".formatted(tier.name(), serviceMs, bareMs,
                        serviceMs / bareMs));
            }
        }
        System.out.println();
        System.out.printf("Progress report, median of %d to %d runs (date range: 1 run), MariaDB %s, %s%n", RUNS, MAX_RUNS,
                jdbc.queryForObject("SELECT VERSION()", String.class), today);
        lines.forEach(System.out::println);
        System.out.println();
    }

    private static void assertSameFigures(ProgressReport report, Map<String, List<Object>> bare, Tier tier) {
        for (UnitFigures row : report.rows()) {
            String unit = row.direct() ? row.code() : row.code().substring(0, tier.childLength());
            List<Object> expected = bare.get(unit);
            List<Object> actual = List.of(row.trainees(), row.activeTrainees(), row.hours().setScale(1), row.lectures(),
                    row.required(), row.compliant(), row.direct() ? 0L : row.coveredVillages());
            if (expected == null) {
                assertThat(row.trainees()).as(unit).isZero();
            } else {
                assertThat(actual).as(tier.name() + " " + unit).isEqualTo(expected);
            }
        }
        assertThat(report.total().trainees()).as(tier.name() + " total")
                .isEqualTo(bare.values().stream().mapToLong(v -> (Long) v.getFirst()).sum());
    }

    /**
     * The same figures from the raw tables in one statement: trainees of the subtree, their ledger entries in the
     * period, and their hours in the current registration period for the compliance status.
     */
    private Map<String, List<Object>> bareSql(Tier tier, ReportPeriod period, LocalDate today) {
        String prefix = tier.code().substring(0, tier.childLength() == 4 ? 2 : tier.childLength() == 6 ? 4
                : tier.childLength() == 9 ? 6 : 9) + "%";
        Map<String, List<Object>> result = new HashMap<>();
        jdbc.query("""
                SELECT LEFT(t.region_code, ?) AS unit, COUNT(*) AS trainees,
                       COALESCE(SUM(e.lectures > 0), 0) AS active, COALESCE(SUM(e.hours), 0) AS hours,
                       COALESCE(SUM(e.lectures), 0) AS lectures,
                       SUM(t.required > 0 AND t.cs IS NOT NULL) AS required,
                       SUM(t.required > 0 AND t.cs IS NOT NULL AND (t.earned >= t.required
                           OR t.earned * (DATEDIFF(t.ce, t.cs) + 1)
                              >= t.required * LEAST(GREATEST(DATEDIFF(?, t.cs), 0), DATEDIFF(t.ce, t.cs) + 1))) AS compliant,
                       COUNT(DISTINCT CASE WHEN e.lectures > 0 AND RIGHT(t.region_code, 3) <> '000'
                                           THEN t.region_code END) AS covered
                FROM (SELECT c.*, (SELECT COALESCE(SUM(h.hours), 0) FROM hours_entry h
                                   WHERE h.trainee_id = c.id AND h.earned_on BETWEEN c.cs AND c.ce) AS earned
                      FROM (SELECT p.*, DATE_SUB(DATE_ADD(p.cs, INTERVAL 3 YEAR), INTERVAL 1 DAY) AS ce
                            FROM (SELECT id, region_code,
                                         CASE certificate_level WHEN 'ASSISTANT' THEN 72 WHEN 'INTERMEDIATE' THEN 90
                                              WHEN 'SENIOR' THEN 90 ELSE 0 END AS required,
                                         CASE WHEN certificate_level = 'NONE' OR period_start IS NULL THEN NULL
                                              WHEN ? > period_start THEN DATE_ADD(period_start,
                                                   INTERVAL (TIMESTAMPDIFF(YEAR, period_start, ?) DIV 3) * 3 YEAR)
                                              ELSE period_start END AS cs
                                  FROM trainee WHERE region_code LIKE ?) p) c) t
                LEFT JOIN (SELECT h.trainee_id, SUM(h.hours) AS hours, SUM(h.lecture_id IS NOT NULL) AS lectures
                           FROM hours_entry h JOIN trainee tt ON tt.id = h.trainee_id
                           WHERE tt.region_code LIKE ? AND h.earned_on BETWEEN ? AND ?
                           GROUP BY h.trainee_id) e ON e.trainee_id = t.id
                GROUP BY unit""", rs -> {
            result.put(rs.getString("unit"), List.of(rs.getLong("trainees"), rs.getLong("active"),
                    rs.getBigDecimal("hours").setScale(1), rs.getLong("lectures"), rs.getLong("required"),
                    rs.getLong("compliant"), rs.getLong("covered")));
        }, tier.childLength(), today, today, today, prefix, prefix, period.from(), period.to());
        return result;
    }

    /** How many timed runs a figure gets, from its warm-up run's time. */
    private static int runs(boolean year, long warmUpStart) {
        double warmUpMillis = (System.nanoTime() - warmUpStart) / 1e6;
        return year ? Math.clamp((long) (TIMED_MILLIS / Math.max(warmUpMillis, 0.001)), RUNS, MAX_RUNS) : 1;
    }

    private static double median(Supplier<?> task, int runs) {
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            task.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }

}
