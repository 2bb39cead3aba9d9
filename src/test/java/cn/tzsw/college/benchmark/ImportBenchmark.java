package cn.tzsw.college.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.shared.IdNumber;
import cn.tzsw.college.trainees.ImportMode;
import cn.tzsw.college.trainees.ImportReport;
import cn.tzsw.college.trainees.RosterFiles;
import cn.tzsw.college.trainees.RosterImport;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Roster import of issue 5: 10,000 lines (goal: under 10 s) through the real service (parse, check every line
 * against the rules and the database, write in one transaction), side by side with the bare write of the same
 * number of rows (plain JDBC batches into the same tables, one transaction) in the same run.
 * Run: ./mvnw test -Pbenchmark -Dtest=ImportBenchmark
 */
class ImportBenchmark extends IntegrationTest {

    static final int ROWS = 10_000;
    static final String VILLAGE = "331002001003";

    @Autowired
    RosterImport rosterImport;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    record Timing(String what, int rows, double seconds) {
        String row() {
            return "| %-52s | %7d | %8.2f | %9.0f |".formatted(what, rows, seconds, rows / seconds);
        }
    }

    @Test
    void ten_thousand_line_import_against_the_bare_batch_insert() {
        // Warm-up of both paths, so that neither pays for the JIT.
        importXlsx(RosterFiles.rows(1_000, VILLAGE), "warm-up");
        bare(RosterFiles.rows(1_000, VILLAGE), "warm-up");

        List<String[]> xlsxRows = RosterFiles.rows(ROWS, VILLAGE);
        Timing check = fixtures.as("admin", () -> {
            byte[] file = RosterFiles.xlsx(xlsxRows);
            long start = System.nanoTime();
            ImportReport report = rosterImport.check(file, ImportMode.CREATE_ONLY);
            assertThat(report.problems()).isEmpty();
            return new Timing("preview only: parse .xlsx + check every line", ROWS, (System.nanoTime() - start) / 1e9);
        });
        Timing xlsx = importXlsx(xlsxRows, "import .xlsx: parse + check + write (service)");
        List<String[]> csvRows = RosterFiles.rows(ROWS, "椒江区/海门街道/城隍浦社区");
        Timing csv = fixtures.as("jj-coord", () -> {
            byte[] file = RosterFiles.csv(csvRows, java.nio.charset.Charset.forName("GBK"));
            long start = System.nanoTime();
            ImportReport report = rosterImport.run(file, ImportMode.CREATE_ONLY, null);
            assertThat(report.written()).isTrue();
            return new Timing("import GBK .csv, name paths, as a coordinator", ROWS, (System.nanoTime() - start) / 1e9);
        });
        Timing bare = bare(RosterFiles.rows(ROWS, VILLAGE), "bare write: JDBC batches, same tables, one tx");

        System.out.println();
        System.out.printf("Roster import: %d lines, MariaDB %s%n", ROWS, jdbc.queryForObject("SELECT VERSION()", String.class));
        System.out.printf("| %-52s | %7s | %8s | %9s |%n", "what", "rows", "seconds", "rows/s");
        System.out.println("|" + "-".repeat(54) + "|" + "-".repeat(9) + "|" + "-".repeat(10) + "|" + "-".repeat(11) + "|");
        for (Timing timing : List.of(check, xlsx, csv, bare)) {
            System.out.println(timing.row());
        }
        System.out.printf("service/bare time = %.1f x; goal 10,000 lines < 10 s: %s%n%n", xlsx.seconds() / bare.seconds(),
                xlsx.seconds() < 10 && csv.seconds() < 10 ? "met" : "NOT met");
    }

    private Timing importXlsx(List<String[]> rows, String what) {
        return fixtures.as("admin", () -> {
            byte[] file = RosterFiles.xlsx(rows);
            long start = System.nanoTime();
            ImportReport report = rosterImport.run(file, ImportMode.CREATE_ONLY, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(report.written()).isTrue();
            assertThat(report.toCreate()).isEqualTo(rows.size());
            return new Timing(what, rows.size(), seconds);
        });
    }

    /** The same rows, already known to be valid, straight into user_account and trainee. */
    private Timing bare(List<String[]> rows, String what) {
        long start = System.nanoTime();
        transactions.executeWithoutResult(status -> {
            for (int from = 0; from < rows.size(); from += 500) {
                List<String[]> chunk = rows.subList(from, Math.min(rows.size(), from + 500));
                jdbc.batchUpdate("INSERT INTO user_account (username, password_hash, display_name, role, locale, enabled,"
                                + " created_at) VALUES (?, '{bcrypt}x', ?, 'TRAINEE', 'zh-CN', TRUE, NOW())",
                        chunk.stream().map(r -> new Object[] {r[2], r[0]}).toList());
                Map<String, Long> ids = new HashMap<>();
                new NamedParameterJdbcTemplate(jdbc).query("SELECT id, username FROM user_account WHERE username IN (:u)",
                        Map.of("u", chunk.stream().map(r -> r[2]).toList()),
                        rs -> {
                            ids.put(rs.getString(2), rs.getLong(1));
                        });
                jdbc.batchUpdate("INSERT INTO trainee (account_id, name, id_number, phone, email, gender, birth_date,"
                                + " work_unit, region_code, certificate_level, period_start, created_at)"
                                + " VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, 'ASSISTANT', '2024-03-01', NOW())",
                        chunk.stream().map(r -> {
                            IdNumber id = IdNumber.of(r[1]);
                            return new Object[] {ids.get(r[2]), r[0], r[1], r[2], id.gender().name(),
                                    Date.valueOf(id.birthDate()), r[4], VILLAGE};
                        }).toList());
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        String phones = String.join(",", rows.stream().map(r -> "'" + r[2] + "'").toList());
        assertThat(fixtures.count("SELECT COUNT(*) FROM trainee WHERE phone IN (" + phones + ")")).isEqualTo(rows.size());
        return new Timing(what, rows.size(), seconds);
    }
}
