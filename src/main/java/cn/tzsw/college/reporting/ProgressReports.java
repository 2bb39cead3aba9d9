package cn.tzsw.college.reporting;

import cn.tzsw.college.hours.ComplianceStatus;
import cn.tzsw.college.regions.Region;
import cn.tzsw.college.regions.RegionLevel;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.security.AccessScope;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.CertificateLevel;
import cn.tzsw.college.shared.Masking;
import cn.tzsw.college.shared.RegionCodes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress reports over the four tiers (city, county, township, village). Every method checks that the unit asked
 * for lies in the caller's subtree; a foreign unit and a unit that does not exist get the same refusal.
 *
 * <p>Definitions (also in the view's help and docs/capabilities.md): hours earned and lectures attended come from the hours
 * ledger ({@code hours_entry}, earned_on within the period; lectures = entries with a lecture); an active trainee has
 * at least one lecture entry in the period; the compliance rate is the share of trainees with a requirement whose
 * status today is MET or ON_TRACK (see {@link ReportSql}); coverage is the share of villages with at least one active
 * trainee.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
public class ProgressReports {

    private static final String NOT_ACCESSIBLE = "region not accessible";
    private static final BigDecimal ZERO_HOURS = new BigDecimal("0.0");

    private final JdbcClient jdbc;
    private final ReportSql sql;
    private final StandingRollup standing;
    private final RegionService regions;
    private final AccessScope scope;
    private final Clock clock;

    ProgressReports(JdbcClient jdbc, ReportSql sql, StandingRollup standing, RegionService regions, AccessScope scope,
                    Clock clock) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.standing = standing;
        this.regions = regions;
        this.scope = scope;
        this.clock = clock;
    }

    /** Where a caller's report opens: a coordinator's own unit, else the college's home unit. */
    public String startingUnit(String coordinatorRegion) {
        return coordinatorRegion != null ? coordinatorRegion : regions.home().code();
    }

    /** The report of one unit for the period: its child units one tier down (none for a village). */
    public ProgressReport report(String regionCode, ReportPeriod period) {
        Region region = visibleRegion(regionCode);
        LocalDate today = LocalDate.now(clock);
        requirePlausible(period, today);
        List<Region> breadcrumb = regions.path(region.code()).stream().filter(r -> scope.canSee(r.code())).toList();
        RegionLevel childLevel = region.level().child();
        int length = childLevel == null ? 12 : prefixLength(childLevel);
        Map<String, long[]> villages = villageCounts(region, length);
        boolean year = period.calendarYear() != 0;
        List<UnitFigures> rows = new ArrayList<>();
        Map<String, Object[]> raw = new HashMap<>();
        String population = standing.isCurrent(today) ? sql.unitPopulation() : sql.population();
        params(jdbc.sql(population), region.subtreePrefix(), period, today)
                .param("length", length)
                .query(rs -> {
                    raw.put(rs.getString("unit"), new Object[] {rs.getLong("trainees"), 0L, ZERO_HOURS, 0L,
                            rs.getLong("required"), rs.getLong("compliant"), 0L});
                });
        params(jdbc.sql(sql.activity(year)), region.subtreePrefix(), period, today)
                .param("length", length)
                .query(rs -> {
                    Object[] unit = raw.computeIfAbsent(rs.getString("unit"),
                            k -> new Object[] {0L, 0L, ZERO_HOURS, 0L, 0L, 0L, 0L});
                    unit[1] = rs.getLong("active");
                    unit[2] = rs.getBigDecimal("hours");
                    unit[3] = rs.getLong("lectures");
                    unit[6] = rs.getLong("covered");
                });
        if (childLevel == null) {
            rows.add(figures(region.code(), region.name(), region.level(), false, raw.get(region.code()),
                    villages.get(region.code())));
        } else {
            for (Region child : regions.children(region.code())) {
                String unit = child.subtreePrefix();
                rows.add(figures(child.code(), child.name(), child.level(), false, raw.get(unit), villages.get(unit)));
            }
            // Trainees registered at a township itself, not at one of its villages.
            Object[] direct = raw.get(region.code());
            if (childLevel == RegionLevel.VILLAGE && direct != null) {
                rows.add(figures(region.code(), region.name(), region.level(), true, direct, null));
            }
        }
        UnitFigures total = childLevel == null ? rows.getFirst()
                : UnitFigures.total(region.code(), region.name(), region.level(), rows);
        return new ProgressReport(region, breadcrumb, period, today, childLevel == null ? List.of() : rows, total);
    }

    /**
     * The trainees registered at exactly this unit (a village, or a township for those without a village), with
     * masked ID numbers, a page at a time in name order.
     */
    public List<TraineeFigures> trainees(String unitCode, ReportPeriod period, int offset, int limit) {
        Region unit = visibleRegion(unitCode);
        if (unit.level() != RegionLevel.VILLAGE && unit.level() != RegionLevel.TOWNSHIP) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        requirePlausible(period, today);
        boolean year = period.calendarYear() != 0;
        return params(jdbc.sql(sql.traineeList(year)), unit.subtreePrefix(), period, today)
                .param("code", unit.code())
                .param("limit", Math.clamp(limit, 0, 1000))
                .param("offset", Math.max(0, offset))
                .query((rs, row) -> new TraineeFigures(rs.getLong("id"), rs.getString("name"),
                        Masking.idNumber(rs.getString("id_number")),
                        CertificateLevel.valueOf(rs.getString("certificate_level")), rs.getBigDecimal("hours"),
                        rs.getLong("lectures"), rs.getBigDecimal("earned"),
                        ComplianceStatus.valueOf(rs.getString("status"))))
                .list();
    }

    /** How many trainees {@link #trainees} lists for the unit. */
    public int traineeCount(String unitCode) {
        Region unit = visibleRegion(unitCode);
        return jdbc.sql("SELECT COUNT(*) FROM trainee WHERE region_code = ?").param(unit.code()).query(Integer.class)
                .single();
    }

    private static void requirePlausible(ReportPeriod period, LocalDate today) {
        if (!period.plausibleOn(today)) {
            throw new BusinessRuleException("report.period.outOfRange", String.valueOf(ReportPeriod.FIRST_YEAR),
                    String.valueOf(today.getYear() + 1));
        }
    }

    /** A unit in the caller's subtree; anything else, existing or not, is the same refusal. */
    private Region visibleRegion(String regionCode) {
        if (!RegionCodes.isWellFormed(regionCode) || !scope.canSee(regionCode)) {
            throw new AccessDeniedException(NOT_ACCESSIBLE);
        }
        return regions.find(regionCode).orElseThrow(() -> new AccessDeniedException(NOT_ACCESSIBLE));
    }

    private JdbcClient.StatementSpec params(JdbcClient.StatementSpec statement, String prefix, ReportPeriod period,
                                            LocalDate today) {
        return statement.param("prefix", prefix + "%")
                .param("today", today)
                .param("year", period.calendarYear())
                .param("from", period.from())
                .param("to", period.to());
    }

    private Map<String, long[]> villageCounts(Region region, int length) {
        Map<String, long[]> counts = new HashMap<>();
        jdbc.sql(sql.villages()).param("length", length).param("prefix", region.subtreePrefix() + "%")
                .query(rs -> {
                    counts.put(rs.getString("unit"), new long[] {rs.getLong("villages")});
                });
        return counts;
    }

    private static UnitFigures figures(String code, String name, RegionLevel level, boolean direct, Object[] raw,
                                       long[] villages) {
        long villageCount = villages == null ? 0 : villages[0];
        if (raw == null) {
            return new UnitFigures(code, name, level, direct, 0, 0, ZERO_HOURS, 0, 0, 0, villageCount, 0);
        }
        return new UnitFigures(code, name, level, direct, (long) raw[0], (long) raw[1], (BigDecimal) raw[2],
                (long) raw[3], (long) raw[4], (long) raw[5], villageCount, direct ? 0 : (long) raw[6]);
    }

    private static int prefixLength(RegionLevel level) {
        return switch (level) {
            case PROVINCE -> 2;
            case CITY -> 4;
            case COUNTY -> 6;
            case TOWNSHIP -> 9;
            case VILLAGE -> 12;
        };
    }
}
