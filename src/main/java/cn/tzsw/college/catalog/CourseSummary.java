package cn.tzsw.college.catalog;

import java.math.BigDecimal;

/** A course in the administrators' list. */
public record CourseSummary(long id, String title, Category category, BigDecimal creditHours, CourseFormat format,
                            String organiserCode, CourseStatus status) {
}
