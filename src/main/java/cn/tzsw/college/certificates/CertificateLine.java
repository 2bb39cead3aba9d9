package cn.tzsw.college.certificates;

import cn.tzsw.college.hours.HoursSource;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of an hours record as printed: when, what, how attended, how many hours. */
public record CertificateLine(LocalDate date, String title, HoursSource source, BigDecimal hours) {
}
