package cn.tzsw.college.benchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the database did per operation, in figures that do not depend on how busy the machine is: the server's
 * status counters (statements, handler calls, i.e. rows read and written, temporary tables, views opened) and, when
 * the server runs with {@code performance_schema} readable by the app's account, every statement by digest
 * (executions, rows examined, temporary tables, scans without an index; its time, which does depend on the load,
 * only to rank them). Counts are server-wide: whatever else runs meanwhile (the mail dispatcher) counts too, which
 * is meant.
 */
final class DatabaseCounters {

    private static final List<String> STATUS = List.of("Questions", "Com_select", "Com_insert", "Com_update",
            "Com_delete", "Com_commit", "Com_set_option", "Handler_read_key", "Handler_read_next",
            "Handler_read_rnd_next", "Handler_write", "Handler_update", "Handler_delete", "Handler_tmp_write",
            "Created_tmp_tables", "Select_scan", "Select_full_join", "Opened_views");

    private static final String DIGESTS = """
            SELECT COALESCE(DIGEST, ''), DIGEST_TEXT, COUNT_STAR, SUM_TIMER_WAIT, SUM_LOCK_TIME, SUM_ROWS_EXAMINED,
                   SUM_CREATED_TMP_TABLES, SUM_NO_INDEX_USED
            FROM performance_schema.events_statements_summary_by_digest WHERE SCHEMA_NAME = DATABASE()""";

    /** One statement's totals; times in picoseconds, as the server keeps them. */
    record Digest(String text, long count, long timer, long lockTime, long rowsExamined, long tmpTables,
                  long noIndex) {

        Digest minus(Digest before) {
            return before == null ? this : new Digest(text, count - before.count, timer - before.timer,
                    lockTime - before.lockTime, rowsExamined - before.rowsExamined, tmpTables - before.tmpTables,
                    noIndex - before.noIndex);
        }
    }

    record Snapshot(Map<String, Long> status, Map<String, Digest> digests) {
    }

    private final JdbcTemplate jdbc;
    private final boolean statements;

    DatabaseCounters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.statements = Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT @@performance_schema = 1 AND EXISTS (SELECT 1 FROM information_schema.SCHEMATA"
                        + " WHERE SCHEMA_NAME = 'performance_schema')", Boolean.class))
                && readable();
    }

    private boolean readable() {
        try {
            jdbc.queryForObject("SELECT COUNT(*) FROM performance_schema.events_statements_summary_by_digest",
                    Long.class);
            return true;
        } catch (RuntimeException e) {
            return false; // no grant on performance_schema: the status counters alone
        }
    }

    Snapshot snapshot() {
        Map<String, Long> status = new HashMap<>();
        jdbc.query("SELECT VARIABLE_NAME, VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS",
                rs -> {
                    status.put(rs.getString(1).toLowerCase(), parse(rs.getString(2)));
                });
        Map<String, Digest> digests = new HashMap<>();
        if (statements) {
            jdbc.query(DIGESTS, rs -> {
                digests.put(rs.getString(1), new Digest(rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8)));
            });
        }
        return new Snapshot(status, digests);
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The counters between two snapshots, per operation, as text for the benchmark's output. */
    static String perOperation(Snapshot before, Snapshot after, long operations) {
        StringBuilder text = new StringBuilder("  status counters per operation:");
        for (String name : STATUS) {
            long delta = after.status().getOrDefault(name.toLowerCase(), 0L)
                    - before.status().getOrDefault(name.toLowerCase(), 0L);
            text.append(String.format(" %s %.2f", name, (double) delta / operations));
        }
        if (after.digests().isEmpty()) {
            return text.append("\n  (per statement: start the server with performance_schema)").toString();
        }
        List<Digest> statements = new ArrayList<>();
        after.digests().forEach((key, digest) -> {
            Digest delta = digest.minus(before.digests().get(key));
            if (delta.count() > 0) {
                statements.add(delta);
            }
        });
        statements.sort(Comparator.comparingLong(Digest::timer).reversed());
        text.append(String.format("%n  | %8s | %9s | %9s | %8s | %6s | %6s | statement%n", "per op", "µs/op",
                "lock µs", "rows ex.", "tmp", "no idx"));
        for (Digest d : statements) {
            text.append(String.format("  | %8.3f | %9.2f | %9.2f | %8.2f | %6.3f | %6.3f | %s%n",
                    (double) d.count() / operations, d.timer() / 1e6 / operations, d.lockTime() / 1e6 / operations,
                    (double) d.rowsExamined() / operations, (double) d.tmpTables() / operations,
                    (double) d.noIndex() / operations, shorten(d.text())));
        }
        return text.toString();
    }

    private static String shorten(String sql) {
        String flat = sql == null ? "" : sql.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
