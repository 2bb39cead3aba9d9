package cn.tzsw.college.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The days a report counts ledger entries for: a calendar year, or any range of days (both ends included). */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** Ranges longer than this are refused: a report is about a few years at most. */
    static final long MAX_DAYS = 366L * 10;
    /** The first year a report can be about; the platform's ledger starts long after it. */
    public static final int FIRST_YEAR = 2000;

    public ReportPeriod {
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new IllegalArgumentException("not a report period: " + from + " .. " + to);
        }
    }

    public static ReportPeriod year(int year) {
        return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Whether the period lies within the years a report can be about: {@link #FIRST_YEAR} to next year. */
    public boolean plausibleOn(LocalDate today) {
        return from.getYear() >= FIRST_YEAR && to.getYear() <= today.getYear() + 1;
    }

    /** The calendar year this period is exactly, or 0: whole years are answered from the yearly rollup. */
    public int calendarYear() {
        boolean whole = from.getDayOfYear() == 1 && to.equals(from.withDayOfYear(from.lengthOfYear()));
        return whole ? from.getYear() : 0;
    }
}
