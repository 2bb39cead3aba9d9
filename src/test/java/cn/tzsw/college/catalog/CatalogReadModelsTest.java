package cn.tzsw.college.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Catalog's read models for registration (lecture_terms_v, lecture_quota_v) show what the catalogue shows, and
 * MariaDB merges them into the reader's query; the registration path reads the same through the text catalog
 * publishes for it ({@link LectureTermsSql}).
 */
class CatalogReadModelsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CatalogService catalog;

    @Test
    void lecture_terms_v_shows_a_lecture_as_the_catalogue_does() {
        long lectureId = fixtures.openLecture(10, Map.of("331002000000", 3, "331003000000", 2));
        LectureInfo lecture = catalog.get(lectureId);

        Map<String, Object> row = jdbc.sql("SELECT * FROM lecture_terms_v WHERE id = ?").param(lectureId)
                .query().singleRow();

        assertThat(row).containsEntry("course_id", lecture.courseId())
                .containsEntry("status", lecture.status().name())
                .containsEntry("course_status", lecture.courseStatus().name())
                .containsEntry("course_format", lecture.format().name())
                .containsEntry("organiser_code", lecture.organiserCode())
                .containsEntry("region_restriction", lecture.regionRestriction());
        assertThat(jdbc.sql("SELECT starts_at, ends_at, registration_opens, registration_closes,"
                        + " cancellation_deadline FROM lecture_terms_v WHERE id = ?").param(lectureId)
                .query((rs, n) -> List.of(rs.getObject(1, LocalDateTime.class), rs.getObject(2, LocalDateTime.class),
                        rs.getObject(3, LocalDateTime.class), rs.getObject(4, LocalDateTime.class),
                        rs.getObject(5, LocalDateTime.class))).single())
                .containsExactly(lecture.startsAt(), lecture.endsAt(), lecture.registrationOpens(),
                        lecture.registrationCloses(), lecture.cancellationDeadline());
        assertThat(jdbc.sql("SELECT county_code FROM lecture_quota_v WHERE lecture_id = ?").param(lectureId)
                .query(String.class).list()).containsExactlyInAnyOrderElementsOf(lecture.quotaSeats().keySet());
    }

    @Test
    void the_lecture_read_models_are_merged_into_the_readers_query() {
        long lectureId = fixtures.openLecture(10, Map.of());
        for (String view : List.of("lecture_terms_v", "lecture_quota_v")) {
            assertThat(jdbc.sql("SHOW CREATE VIEW " + view).query((rs, n) -> rs.getString(2)).single())
                    .as(view).contains("ALGORITHM=MERGE");
        }
        List<String> tables = jdbc.sql("""
                        EXPLAIN SELECT l.status, (SELECT GROUP_CONCAT(q.county_code) FROM lecture_quota_v q
                                                  WHERE q.lecture_id = l.id)
                        FROM lecture_terms_v l WHERE l.id = ?""")
                .param(lectureId)
                .query((rs, n) -> rs.getString("table") + ":" + rs.getString("type")).list();
        assertThat(tables).as("no temporary table, primary keys").noneMatch(t -> t.startsWith("<derived"))
                .contains("l:const", "c:const");
    }

    @Test
    void the_registration_paths_text_reads_what_the_lecture_read_models_read() {
        fixtures.openLecture(10, Map.of("331002000000", 3, "331003000000", 2));
        fixtures.openLecture(5, Map.of());

        List<Map<String, Object>> text = jdbc.sql("SELECT " + LectureTermsSql.COLUMNS + " FROM "
                + LectureTermsSql.TABLES + " " + LectureTermsSql.QUOTAS + " ORDER BY l.id, q.county_code")
                .query().listOfRows();
        List<Map<String, Object>> views = jdbc.sql("""
                SELECT l.*, q.county_code AS quota_county
                FROM lecture_terms_v l LEFT JOIN lecture_quota_v q ON q.lecture_id = l.id
                ORDER BY l.id, q.county_code""").query().listOfRows();

        assertThat(text).hasSizeGreaterThan(1).isEqualTo(views);
    }

    @Test
    void the_registration_paths_overlap_text_finds_a_scheduled_lecture_at_the_same_time_only() {
        LocalDateTime at = LocalDateTime.now().plusDays(400).withNano(0);
        long lecture = fixtures.openLecture(10, Map.of(), at);
        long sameTime = fixtures.openLecture(10, Map.of(), at.plusHours(1));
        fixtures.openLecture(10, Map.of(), at.plusHours(2)); // begins as the first ends: no overlap

        assertThat(jdbc.sql("SELECT other.id FROM " + LectureTermsSql.TABLES + " JOIN (SELECT id FROM lecture) other"
                        + " JOIN " + LectureTermsSql.overlappingLecture("other.id") + " WHERE l.id = ?")
                .param(lecture).query(Long.class).list()).containsExactly(sameTime);
    }
}
