package cn.tzsw.college.reporting;

import cn.tzsw.college.regions.RegionLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One row of a progress report: the figures of one unit's subtree for the report's period. {@code direct} marks
 * the row of trainees registered at a township itself rather than at one of its villages.
 *
 * @param trainees        trainees registered in the unit
 * @param activeTrainees  trainees with at least one lecture entry in the ledger in the period
 * @param hours           hours earned in the period (all ledger entries: lectures and outside hours)
 * @param lectures        lecture entries in the ledger in the period
 * @param required        trainees with a continuing-education requirement (certified, with a registration period)
 * @param compliant       of those, the ones whose status today is MET or ON_TRACK
 * @param villages        villages (村/社区) in the unit
 * @param coveredVillages villages with at least one active trainee
 */
public record UnitFigures(String code, String name, RegionLevel level, boolean direct, long trainees,
                          long activeTrainees, BigDecimal hours, long lectures, long required, long compliant,
                          long villages, long coveredVillages) {

    /** Hours earned per registered trainee (0 without trainees). */
    public BigDecimal averageHours() {
        return trainees == 0 ? new BigDecimal("0.0") : hours.divide(BigDecimal.valueOf(trainees), 1, RoundingMode.HALF_UP);
    }

    /** Share of trainees with a requirement who are on track or done, 0..1; null when nobody has a requirement. */
    public Double complianceRate() {
        return required == 0 ? null : (double) compliant / required;
    }

    /** Share of the unit's villages with at least one active trainee, 0..1; null without villages. */
    public Double coverage() {
        return villages == 0 ? null : (double) coveredVillages / villages;
    }

    /** The sum of several units' figures (every figure is additive: a trainee belongs to exactly one unit). */
    static UnitFigures total(String code, String name, RegionLevel level, Iterable<UnitFigures> rows) {
        long trainees = 0, active = 0, lectures = 0, required = 0, compliant = 0, villages = 0, covered = 0;
        BigDecimal hours = BigDecimal.ZERO;
        for (UnitFigures row : rows) {
            trainees += row.trainees;
            active += row.activeTrainees;
            hours = hours.add(row.hours);
            lectures += row.lectures;
            required += row.required;
            compliant += row.compliant;
            villages += row.villages;
            covered += row.coveredVillages;
        }
        return new UnitFigures(code, name, level, false, trainees, active, hours, lectures, required, compliant,
                villages, covered);
    }
}
