package cn.tzsw.college.hours;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.hours.domain.HoursRuleRepository;
import cn.tzsw.college.shared.CertificateLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The continuing-education rule as the rule book states it, once for the Java form ({@link RegistrationPeriod#current},
 * {@link Progress#status}) and once for the SQL form that hours publishes ({@link ComplianceSql}: the rule's text
 * and the configured numbers written into statements, and the stored functions with {@code hours_rule} that the
 * triggers use): each case gives the current registration period and the status, and every form must give exactly
 * that.
 */
class ComplianceRuleSqlTest extends IntegrationTest {

    @Autowired
    ContinuingEducationProperties rule;
    @Autowired
    ComplianceSql compliance;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    HoursRuleRepository rules;

    record Standing(LocalDate start, LocalDate end, ComplianceStatus status) {
    }

    /** Under the configured rule (72 h for 助理社会工作师, 90 h for 社会工作师 and 高级社会工作师, per 3 years). */
    @ParameterizedTest(name = "{0} from {1}, {3} h on {2}: {6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # level     | first start | day        | earned | period start | period end | status
            # a period that has not begun yet is the first one, and nobody is behind on its first day
            ASSISTANT    | 2026-03-01  | 2026-01-15 | 0      | 2026-03-01   | 2029-02-28 | ON_TRACK
            ASSISTANT    | 2026-01-01  | 2026-01-01 | 0      | 2026-01-01   | 2028-12-31 | ON_TRACK
            ASSISTANT    | 2026-01-01  | 2026-01-02 | 0      | 2026-01-01   | 2028-12-31 | BEHIND
            # exactly on track: 24 h x 1,095 days = 72 h x 365 elapsed days; one day later behind
            ASSISTANT    | 2025-01-01  | 2026-01-01 | 24.0   | 2025-01-01   | 2027-12-31 | ON_TRACK
            ASSISTANT    | 2025-01-01  | 2026-01-02 | 24.0   | 2025-01-01   | 2027-12-31 | BEHIND
            # the last day of a period, half an hour short and met; the next day a new period begins
            ASSISTANT    | 2023-01-01  | 2025-12-31 | 71.5   | 2023-01-01   | 2025-12-31 | BEHIND
            ASSISTANT    | 2023-01-01  | 2025-12-31 | 72.0   | 2023-01-01   | 2025-12-31 | MET
            ASSISTANT    | 2023-01-01  | 2026-01-01 | 0      | 2026-01-01   | 2028-12-31 | ON_TRACK
            INTERMEDIATE | 2024-06-01  | 2025-06-01 | 89.5   | 2024-06-01   | 2027-05-31 | ON_TRACK
            INTERMEDIATE | 2024-06-01  | 2025-06-01 | 90.0   | 2024-06-01   | 2027-05-31 | MET
            # 60 h x 1,095 = 90 h x 730 elapsed days
            SENIOR       | 2024-06-01  | 2026-06-01 | 59.5   | 2024-06-01   | 2027-05-31 | BEHIND
            SENIOR       | 2024-06-01  | 2026-06-01 | 60.0   | 2024-06-01   | 2027-05-31 | ON_TRACK
            # the third period: its last day and the first day of the fourth
            SENIOR       | 2017-05-10  | 2026-05-09 | 0      | 2023-05-10   | 2026-05-09 | BEHIND
            SENIOR       | 2017-05-10  | 2026-05-10 | 0      | 2026-05-10   | 2029-05-09 | ON_TRACK
            # from 29 February: three years on is 28 February, yet that day still counts to the first period
            INTERMEDIATE | 2024-02-29  | 2027-02-28 | 30.0   | 2024-02-29   | 2027-02-27 | BEHIND
            INTERMEDIATE | 2024-02-29  | 2027-03-01 | 0.5    | 2027-02-28   | 2030-02-27 | ON_TRACK
            # no certificate, or no first registration: no period, nothing required
            NONE         | 2020-01-01  | 2026-01-01 | 10.0   | -            | -          | NOT_REQUIRED
            ASSISTANT    | -           | 2026-01-01 | 0      | -            | -          | NOT_REQUIRED
            """)
    void java_and_sql_give_the_rule_books_answer_for_each_level(CertificateLevel level, LocalDate firstStart,
                                                                LocalDate day, BigDecimal earned, LocalDate start,
                                                                LocalDate end, ComplianceStatus status) {
        Standing expected = new Standing(start, end, status);
        assertThat(java(level, rule.required(level), rule.getPeriodYears(), firstStart, day, earned))
                .as("Java").isEqualTo(expected);
        assertThat(sqlForLevel(compliance, level, firstStart, day, earned)).as("SQL").isEqualTo(expected);
    }

    /** Under other numbers, as a change of the law or of the configuration would bring. */
    @ParameterizedTest(name = "{0} h per {1} years from {2}, {4} h on {3}: {7}")
    @CsvSource(delimiter = '|', textBlock = """
            # required | years | first start | day        | earned | period start | period end | status
            60         | 5     | 2021-01-01  | 2026-01-01 | 0      | 2026-01-01   | 2030-12-31 | ON_TRACK
            # 59.5 h x 1,826 days < 60 h x 1,825 elapsed days
            60         | 5     | 2021-01-01  | 2025-12-31 | 59.5   | 2021-01-01   | 2025-12-31 | BEHIND
            # 23 h x 365 >= 45.5 h x 184 > 22.5 h x 365
            45.5       | 1     | 2025-07-01  | 2026-01-01 | 23.0   | 2025-07-01   | 2026-06-30 | ON_TRACK
            45.5       | 1     | 2025-07-01  | 2026-01-01 | 22.5   | 2025-07-01   | 2026-06-30 | BEHIND
            # 89.9 h x 730 >= 90 h x 729 > 89.8 h x 730
            90         | 2     | 2020-03-01  | 2026-02-28 | 89.9   | 2024-03-01   | 2026-02-28 | ON_TRACK
            90         | 2     | 2020-03-01  | 2026-02-28 | 89.8   | 2024-03-01   | 2026-02-28 | BEHIND
            0          | 3     | 2024-01-01  | 2025-01-01 | 0      | 2024-01-01   | 2026-12-31 | NOT_REQUIRED
            """)
    void java_and_sql_give_the_rule_books_answer_for_other_numbers(BigDecimal required, int years,
                                                                   LocalDate firstStart, LocalDate day,
                                                                   BigDecimal earned, LocalDate start, LocalDate end,
                                                                   ComplianceStatus status) {
        Standing expected = new Standing(start, end, status);
        assertThat(java(CertificateLevel.ASSISTANT, required, years, firstStart, day, earned)).as("Java")
                .isEqualTo(expected);
        assertThat(sql(required, years, firstStart, day, earned)).as("SQL").isEqualTo(expected);
    }

    @Test
    void hours_rule_holds_the_configured_numbers_for_each_certified_level() {
        assertThat(ruleRows()).isEqualTo(expectedRows(rule));
    }

    @Test
    void another_configuration_reaches_the_statements_and_the_triggers() {
        ContinuingEducationProperties other = new ContinuingEducationProperties();
        other.setPeriodYears(5);
        other.setRequiredHours(Map.of(CertificateLevel.ASSISTANT, new BigDecimal("60"),
                CertificateLevel.INTERMEDIATE, new BigDecimal("80.5"), CertificateLevel.SENIOR, new BigDecimal("100")));
        transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            ComplianceSql otherSql = new ComplianceSql(other, rules);
            otherSql.afterPropertiesSet();
            assertThat(ruleRows()).isEqualTo(expectedRows(other));
            // 40 h after 731 of 1,827 days: on track for 80.5 h, behind for 100 h (100 x 731 > 40 x 1,827).
            LocalDate first = LocalDate.of(2024, 1, 1);
            LocalDate day = LocalDate.of(2026, 1, 1);
            for (CertificateLevel level : List.of(CertificateLevel.INTERMEDIATE, CertificateLevel.SENIOR)) {
                assertThat(sqlForLevel(otherSql, level, first, day, new BigDecimal("40")))
                        .isEqualTo(java(level, other.required(level), 5, first, day, new BigDecimal("40")));
            }
            assertThat(sqlForLevel(otherSql, CertificateLevel.INTERMEDIATE, first, day, new BigDecimal("40")).status())
                    .isEqualTo(ComplianceStatus.ON_TRACK);
            assertThat(sqlForLevel(otherSql, CertificateLevel.SENIOR, first, day, new BigDecimal("40")).status())
                    .isEqualTo(ComplianceStatus.BEHIND);
        });
        assertThat(ruleRows()).isEqualTo(expectedRows(rule));
    }

    /** What a report counts: a requirement for every status but NOT_REQUIRED, kept when MET or ON_TRACK. */
    @Test
    void a_report_counts_a_requirement_for_every_status_but_not_required_and_keeps_it_when_met_or_on_track() {
        for (ComplianceStatus status : ComplianceStatus.values()) {
            boolean required = status != ComplianceStatus.NOT_REQUIRED;
            assertThat(counted(status.name())).as(status.name())
                    .containsExactly(required ? 1 : 0, required && status.compliant() ? 1 : 0);
        }
        assertThat(counted(null)).as("no status yet").containsExactly(0, 0);
    }

    /** Required and compliant (1 or 0) for a status, as statements inline them and as the triggers' functions. */
    private List<Integer> counted(String status) {
        String sql = "SELECT %s, %s, hours_status_required(:status), hours_status_compliant(:status)"
                .formatted(ComplianceSql.statusRequired(":status"), ComplianceSql.statusCompliant(":status"));
        List<Integer> both = jdbc.sql(sql).param("status", status)
                .query((rs, n) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).single();
        assertThat(both.subList(2, 4)).as("stored functions").isEqualTo(both.subList(0, 2));
        return both.subList(0, 2);
    }

    private static Standing java(CertificateLevel level, BigDecimal required, int years, LocalDate firstStart,
                                 LocalDate day, BigDecimal earned) {
        RegistrationPeriod period = !level.certified() || firstStart == null ? null
                : RegistrationPeriod.current(firstStart, day, years);
        Progress progress = new Progress(1, "", level, period, period == null ? BigDecimal.ZERO : required, earned,
                0, "", List.of());
        return new Standing(period == null ? null : period.start(), period == null ? null : period.end(),
                progress.status(day));
    }

    /**
     * As the SQL callers do it: statements with the configured numbers and the rule's text written in, triggers with
     * the numbers from hours_rule and the stored functions; both must say the same.
     */
    private Standing sqlForLevel(ComplianceSql compliance, CertificateLevel level, LocalDate firstStart, LocalDate day,
                                 BigDecimal earned) {
        String inline = "SELECT :first AS first_start, %s AS years, %s AS required"
                .formatted(compliance.periodYears(":level"), compliance.required(":level"));
        String stored = """
                SELECT :first AS first_start, r.period_years AS years, r.required_hours AS required
                FROM (SELECT :level AS certificate_level) t
                LEFT JOIN hours_rule r ON r.certificate_level = t.certificate_level""";
        Map<String, Object> params = params(firstStart, day, earned);
        params.put("level", level.name());
        return bothForms(inline, stored, params);
    }

    private Standing sql(BigDecimal required, int years, LocalDate firstStart, LocalDate day, BigDecimal earned) {
        String numbers = "SELECT :first AS first_start, :years AS years, :required AS required";
        Map<String, Object> params = params(firstStart, day, earned);
        params.put("required", required);
        params.put("years", years);
        return bothForms(numbers, numbers, params);
    }

    private Standing bothForms(String inlineNumbers, String storedNumbers, Map<String, Object> params) {
        String inline = """
                SELECT x.cs, x.ce, %s AS status
                FROM (SELECT c.*, %s AS ce FROM (SELECT n.*, %s AS cs FROM (%s) n) c) x""".formatted(
                ComplianceSql.status("x.required", "x.cs", "x.ce", ":earned", ":day"),
                ComplianceSql.periodEnd("c.cs", "c.years"), ComplianceSql.periodStart("n.first_start", "n.years", ":day"),
                inlineNumbers);
        String stored = """
                SELECT x.cs, x.ce, hours_status(x.required, x.cs, x.ce, :earned, :day) AS status
                FROM (SELECT c.*, hours_period_end(c.cs, c.years) AS ce
                      FROM (SELECT n.*, hours_period_start(n.first_start, n.years, :day) AS cs FROM (%s) n) c) x"""
                .formatted(storedNumbers);
        Standing viaStatements = standing(inline, params);
        assertThat(standing(stored, params)).as("stored functions").isEqualTo(viaStatements);
        return viaStatements;
    }

    private Standing standing(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params)
                .query((rs, n) -> new Standing(rs.getObject("cs", LocalDate.class), rs.getObject("ce", LocalDate.class),
                        ComplianceStatus.valueOf(rs.getString("status"))))
                .single();
    }

    private static Map<String, Object> params(LocalDate firstStart, LocalDate day, BigDecimal earned) {
        Map<String, Object> params = new HashMap<>();
        params.put("first", firstStart);
        params.put("day", day);
        params.put("earned", earned);
        return params;
    }

    private Map<String, String> ruleRows() {
        Map<String, String> rows = new TreeMap<>();
        jdbc.sql("SELECT certificate_level, required_hours, period_years FROM hours_rule").query(rs -> {
            rows.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros().toPlainString() + " h / "
                    + rs.getInt(3) + " years");
        });
        return rows;
    }

    private static Map<String, String> expectedRows(ContinuingEducationProperties rule) {
        Map<String, String> rows = new TreeMap<>();
        for (CertificateLevel level : CertificateLevel.values()) {
            if (level.certified()) {
                rows.put(level.name(), rule.required(level).stripTrailingZeros().toPlainString() + " h / "
                        + rule.getPeriodYears() + " years");
            }
        }
        return rows;
    }
}
