package cn.tzsw.college.reporting.domain;

import cn.tzsw.college.hours.ComplianceStatus;
import cn.tzsw.college.reporting.ReportPeriod;
import cn.tzsw.college.reporting.TraineeFigures;
import cn.tzsw.college.shared.CertificateLevel;
import cn.tzsw.college.shared.Masking;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The progress reports' reads ({@link ReportSql}), per child unit of a subtree: units are the first {@code length}
 * characters of a region code, a subtree is a code prefix. They go where {@link ReportReads} says: a replica if one
 * is configured, else the primary.
 */
@Repository
public class ProgressReportRepository {

    /** Trainees, those with a requirement and those keeping it, in one unit. */
    public record Population(long trainees, long required, long compliant) {
    }

    /** Active trainees, hours, lecture entries and villages with an active trainee, in one unit. */
    public record Activity(long active, BigDecimal hours, long lectures, long coveredVillages) {
    }

    private final ReportReads reads;
    private final JdbcClient jdbc;
    private final ReportSql sql;

    ProgressReportRepository(ReportReads reads, ReportSql sql) {
        this.reads = reads;
        this.jdbc = reads.jdbc();
        this.sql = sql;
    }

    /** Runs the reads of one report in one read-only transaction, so that its figures agree with each other. */
    public <T> T together(Supplier<T> report) {
        return reads.together(report);
    }

    /**
     * The population per unit as of {@code today}: from the unit rollup when its statuses are as of today
     * ({@code fromRollup}), else computed trainee by trainee.
     */
    public Map<String, Population> population(String prefix, int length, LocalDate today, boolean fromRollup) {
        Map<String, Population> units = new HashMap<>();
        jdbc.sql(fromRollup ? sql.unitPopulation() : sql.population())
                .param("prefix", prefix + "%").param("length", length).param("today", today)
                .query(rs -> {
                    units.put(rs.getString("unit"),
                            new Population(rs.getLong("trainees"), rs.getLong("required"), rs.getLong("compliant")));
                });
        return units;
    }

    /** The activity per unit in the period: a calendar year from the yearly rollup, other ranges from the ledger. */
    public Map<String, Activity> activity(String prefix, int length, ReportPeriod period) {
        Map<String, Activity> units = new HashMap<>();
        periodParams(jdbc.sql(sql.activity(period.calendarYear() != 0)), period)
                .param("prefix", prefix + "%").param("length", length)
                .query(rs -> {
                    units.put(rs.getString("unit"), new Activity(rs.getLong("active"), rs.getBigDecimal("hours"),
                            rs.getLong("lectures"), rs.getLong("covered")));
                });
        return units;
    }

    /** The trainees registered at exactly this unit, with masked ID numbers, a page at a time in name order. */
    public List<TraineeFigures> trainees(String unitCode, ReportPeriod period, LocalDate today, int offset, int limit) {
        return periodParams(jdbc.sql(sql.traineeList(period.calendarYear() != 0)), period)
                .param("code", unitCode)
                .param("today", today)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> new TraineeFigures(rs.getLong("id"), rs.getString("name"),
                        Masking.idNumber(rs.getString("id_number")),
                        CertificateLevel.valueOf(rs.getString("certificate_level")), rs.getBigDecimal("hours"),
                        rs.getLong("lectures"), rs.getBigDecimal("earned"),
                        ComplianceStatus.valueOf(rs.getString("status"))))
                .list();
    }

    /** How many trainees are registered at exactly this unit. */
    public int traineeCount(String unitCode) {
        return jdbc.sql(sql.traineeCount()).param("code", unitCode).query(Integer.class).single();
    }

    /** Villages per unit. */
    public Map<String, Long> villages(String prefix, int length) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql(sql.villages()).param("prefix", prefix + "%").param("length", length)
                .query(rs -> {
                    counts.put(rs.getString("unit"), rs.getLong("villages"));
                });
        return counts;
    }

    private static JdbcClient.StatementSpec periodParams(JdbcClient.StatementSpec statement, ReportPeriod period) {
        return statement.param("year", period.calendarYear()).param("from", period.from()).param("to", period.to());
    }
}
