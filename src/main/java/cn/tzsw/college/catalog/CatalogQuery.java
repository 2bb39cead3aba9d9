package cn.tzsw.college.catalog;

import java.time.YearMonth;

/** The public catalogue's search: every part optional. */
public record CatalogQuery(String text, Long categoryId, CourseFormat format, YearMonth month, String organiserCode,
                           boolean freeSeatsOnly) {

    public static CatalogQuery all() {
        return new CatalogQuery("", null, null, null, null, false);
    }
}
