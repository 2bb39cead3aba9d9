package cn.tzsw.college.hours;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A registered social worker's registration period (注册有效期): {@code years} long from the first registration,
 * renewed back to back. {@code end} is the last day of the period.
 */
public record RegistrationPeriod(LocalDate start, LocalDate end) {

    /**
     * The period that contains {@code today}, counted from the first period's start (SQL:
     * {@link ComplianceSql#periodStart} and {@link ComplianceSql#periodEnd}).
     */
    public static RegistrationPeriod current(LocalDate firstStart, LocalDate today, int years) {
        LocalDate start = firstStart;
        if (today.isAfter(start)) {
            long elapsed = ChronoUnit.YEARS.between(firstStart, today) / years;
            start = firstStart.plusYears(elapsed * years);
        }
        return new RegistrationPeriod(start, start.plusYears(years).minusDays(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    public long daysLeft(LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(today, end) + 1);
    }
}
