package cn.tzsw.college.reporting;

import cn.tzsw.college.regions.Region;
import cn.tzsw.college.regions.RegionLevel;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.reporting.domain.ProgressReportRepository;
import cn.tzsw.college.reporting.domain.ProgressReportRepository.Activity;
import cn.tzsw.college.reporting.domain.ProgressReportRepository.Population;
import cn.tzsw.college.security.AccessScope;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.RegionCodes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress reports over the four tiers (city, county, township, village). Every method checks that the unit asked
 * for lies in the caller's subtree; a foreign unit and a unit that does not exist get the same refusal.
 *
 * <p>Definitions (also in the view's help and docs/capabilities.md): hours earned and lectures attended come from
 * the hours ledger (hours' read model {@code hours_ledger_v}, earned_on within the period; lectures = entries with a
 * lecture); an active trainee has at least one lecture entry in the period; the compliance rate is the share of
 * trainees with a requirement whose status today is MET or ON_TRACK (hours' rule, see {@code ComplianceSql});
 * coverage is the share of villages with at least one active trainee.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
public class ProgressReports {

    private static final String NOT_ACCESSIBLE = "region not accessible";
    private static final BigDecimal ZERO_HOURS = new BigDecimal("0.0");

    private final ProgressReportRepository figures;
    private final StandingRollup standing;
    private final RegionService regions;
    private final AccessScope scope;
    private final Clock clock;

    ProgressReports(ProgressReportRepository figures, StandingRollup standing, RegionService regions,
                    AccessScope scope, Clock clock) {
        this.figures = figures;
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
        String prefix = region.subtreePrefix();
        boolean fromRollup = standing.isCurrent(today);
        record Figures(Map<String, Long> villages, Map<String, Population> population,
                       Map<String, Activity> activity) {
        }
        Figures read = figures.together(() -> new Figures(figures.villages(prefix, length),
                figures.population(prefix, length, today, fromRollup), figures.activity(prefix, length, period)));
        Map<String, Long> villages = read.villages();
        Map<String, Population> population = read.population();
        Map<String, Activity> activity = read.activity();
        List<UnitFigures> rows = new ArrayList<>();
        if (childLevel == null) {
            String unit = region.code();
            rows.add(unitFigures(region, false, population.get(unit), activity.get(unit), villages.get(unit)));
        } else {
            for (Region child : regions.children(region.code())) {
                String unit = child.subtreePrefix();
                rows.add(unitFigures(child, false, population.get(unit), activity.get(unit), villages.get(unit)));
            }
            // Trainees registered at a township itself, not at one of its villages.
            String own = region.code();
            if (childLevel == RegionLevel.VILLAGE && (population.containsKey(own) || activity.containsKey(own))) {
                rows.add(unitFigures(region, true, population.get(own), activity.get(own), null));
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
        return figures.trainees(unit.code(), period, today, Math.max(0, offset), Math.clamp(limit, 0, 1000));
    }

    /** How many trainees {@link #trainees} lists for the unit. */
    public int traineeCount(String unitCode) {
        Region unit = visibleRegion(unitCode);
        return figures.traineeCount(unit.code());
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

    private static UnitFigures unitFigures(Region unit, boolean direct, Population population, Activity activity,
                                           Long villages) {
        Population people = population != null ? population : new Population(0, 0, 0);
        Activity active = activity != null ? activity : new Activity(0, ZERO_HOURS, 0, 0);
        return new UnitFigures(unit.code(), unit.name(), unit.level(), direct, people.trainees(), active.active(),
                active.hours(), active.lectures(), people.required(), people.compliant(),
                villages == null ? 0 : villages, direct ? 0 : active.coveredVillages());
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
