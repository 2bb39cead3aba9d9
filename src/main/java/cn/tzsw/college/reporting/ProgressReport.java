package cn.tzsw.college.reporting;

import cn.tzsw.college.regions.Region;
import java.time.LocalDate;
import java.util.List;

/**
 * A progress report of one unit: its child units one tier down (empty for a village, whose trainees are listed
 * instead), their total, and the breadcrumb of the units above that the caller may open.
 *
 * @param asOf the day compliance is judged on (today)
 */
public record ProgressReport(Region region, List<Region> breadcrumb, ReportPeriod period, LocalDate asOf,
                             List<UnitFigures> rows, UnitFigures total) {

    /** A village has no units below it: the report lists its trainees. */
    public boolean listsTrainees() {
        return region.level().child() == null;
    }
}
