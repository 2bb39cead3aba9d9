package cn.tzsw.college.catalog;

/**
 * Catalog's seat-decision terms as SQL text, for registration's one query on the registration path only: the
 * declared exception to the read-model rule (docs/architecture.md, "Read models"). MariaDB parses a view's
 * definition again for every statement that names it; that query named {@code lecture_terms_v} twice and
 * {@code lecture_quota_v} once, which made it the costliest statement of a registration (RegistrationBenchmark's
 * per-statement table, docs/performance.md). The text reads exactly what those views read ({@code
 * CatalogReadModelsTest} holds them together); catalog may change its tables as long as both keep their columns.
 */
public final class LectureTermsSql {

    /** The lecture as {@code l} with its course as {@code c}: text for a FROM clause. */
    public static final String TABLES = "lecture l JOIN course c ON c.id = l.course_id";

    /**
     * {@code l}'s counties with a seat quota ({@code lecture_quota_v}) as {@code q}: text for the end of a FROM
     * clause, one row per county, one row of nulls when none. Rows, not a GROUP_CONCAT: MariaDB makes a temporary
     * table for every GROUP_CONCAT it evaluates. Last in the FROM clause: before the reader's other outer joins it
     * keeps MariaDB from reading them as constants.
     */
    public static final String QUOTAS = "LEFT JOIN lecture_quota q ON q.lecture_id = l.id";

    /**
     * {@code lecture_terms_v}'s columns of {@code l}, named as in the view, and {@code quota_county}: a county with a
     * seat quota on it, from {@link #QUOTAS}.
     */
    public static final String COLUMNS = """
            l.id, l.course_id, l.status, c.status AS course_status, c.format AS course_format, c.organiser_code,
            l.starts_at, l.ends_at, l.registration_opens, l.registration_closes, l.cancellation_deadline,
            l.region_restriction, q.county_code AS quota_county""";

    private LectureTermsSql() {
    }

    /**
     * Text for a JOIN that finds, for the lecture id in {@code lectureIdColumn}, a scheduled lecture other than
     * {@code l} whose time overlaps {@code l}'s. A recorded video's window is when it may be watched, not an
     * appointment, so a video on either side clashes with nothing.
     */
    public static String overlappingLecture(String lectureIdColumn) {
        return """
                lecture ol ON ol.id = %s AND ol.id <> l.id AND ol.status = 'SCHEDULED' AND ol.starts_at < l.ends_at
                  AND ol.ends_at > l.starts_at AND c.format <> 'RECORDED_VIDEO'
                JOIN course oc ON oc.id = ol.course_id AND oc.format <> 'RECORDED_VIDEO'""".formatted(lectureIdColumn);
    }
}
