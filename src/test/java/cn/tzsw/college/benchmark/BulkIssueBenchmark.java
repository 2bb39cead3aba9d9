package cn.tzsw.college.benchmark;

import static org.awaitility.Awaitility.await;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.certificates.BulkIssues;
import cn.tzsw.college.certificates.BulkJob;
import cn.tzsw.college.certificates.BulkScope;
import cn.tzsw.college.security.SystemTasks;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bulk issue of issue 6 at full size: 10,000 trainees completed one lecture; an administrator starts a bulk
 * run and the background worker issues every certificate, once, with distinct consecutive serials.
 * Run: ./mvnw test -Pbenchmark -Dtest=BulkIssueBenchmark
 */
class BulkIssueBenchmark extends IntegrationTest {

    static final int TRAINEES = 10_000;

    @Autowired
    Fixtures fixtures;
    @Autowired
    BulkIssues bulkIssues;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void ten_thousand_certificates_in_one_background_run() throws Exception {
        List<String> phones = fixtures.trainees(TRAINEES, "331002001003", false);
        long lecture = fixtures.openLecture(10, java.util.Map.of());
        long course = jdbc.queryForObject("SELECT course_id FROM lecture WHERE id = ?", Long.class, lecture);
        jdbc.update("INSERT INTO hours_entry (trainee_id, lecture_id, course_id, title, source, hours, earned_on,"
                + " recorded_at, recorded_by) SELECT id, ?, ?, '批量测试课程', 'IN_PERSON', 2.0, CURDATE(), NOW(), 'test'"
                + " FROM trainee WHERE phone IN ('" + String.join("','", phones) + "')", lecture, course);

        long start = System.nanoTime();
        long job = SystemTasks.runAsSystem(() -> bulkIssues.start(BulkScope.LECTURE, lecture));
        BulkJob state = await("bulk job finished").atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> SystemTasks.runAsSystem(() -> bulkIssues.job(job)).orElseThrow(), j -> j.state().finished());
        double seconds = (System.nanoTime() - start) / 1e9;
        // The Issued events' listeners (mail notices) trail the job; the test's database must outlive them.
        await("after-commit listeners done").atMost(Duration.ofMinutes(2))
                .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION", Long.class) == 0);

        int issued = jdbc.queryForObject("SELECT COUNT(*) FROM certificate WHERE lecture_id = ?", Integer.class, lecture);
        int distinctTrainees = jdbc.queryForObject(
                "SELECT COUNT(DISTINCT trainee_id) FROM certificate WHERE lecture_id = ?", Integer.class, lecture);
        int distinctSerials = jdbc.queryForObject(
                "SELECT COUNT(DISTINCT serial) FROM certificate WHERE lecture_id = ?", Integer.class, lecture);
        int span = jdbc.queryForObject("SELECT MAX(serial_number) - MIN(serial_number) + 1 FROM certificate"
                + " WHERE lecture_id = ?", Integer.class, lecture);
        System.out.printf("%nBulk issue: %d certificates in %.1f s (%.0f/s), state %s; distinct trainees %d,"
                + " distinct serials %d, serial span %d%n%n", issued, seconds, issued / seconds, state.state(),
                distinctTrainees, distinctSerials, span);
        if (issued != TRAINEES || distinctTrainees != TRAINEES || distinctSerials != TRAINEES) {
            throw new AssertionError("bulk run issued " + issued + " for " + TRAINEES + " completions");
        }
    }
}
