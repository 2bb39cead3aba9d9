package cn.tzsw.college.hours.domain;

import cn.tzsw.college.hours.HoursEntry;
import cn.tzsw.college.hours.HoursSource;
import cn.tzsw.college.shared.TraineeLecture;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The hours ledger ({@code hours_entry}). Plain JDBC: entries are written once and read as lists, and the unique
 * keys (one entry per trainee and lecture, one degree per trainee) decide concurrent writes in the database.
 */
@Repository
public class HoursEntryRepository {

    private static final String COLUMNS =
            "id, trainee_id, lecture_id, course_id, title, source, hours, earned_on, recorded_at, note";

    /** Where a ledger entry's evidence file lies (relative to the evidence folder), and its original name. */
    public record EvidenceFile(long traineeId, String path, String name) {
    }

    private final JdbcClient jdbc;

    HoursEntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Books a completed lecture's hours; returns the new entry's id, or empty when the lecture was booked for this
     * trainee before (the unique key decides, so concurrent calls book once).
     */
    public Optional<Long> insertLecture(long traineeId, long lectureId, long courseId, String title,
                                        HoursSource source, BigDecimal hours, LocalDate earnedOn,
                                        LocalDateTime recordedAt, String recordedBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                        INSERT IGNORE INTO hours_entry
                          (trainee_id, lecture_id, course_id, title, source, hours, earned_on, recorded_at, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(traineeId, lectureId, courseId, title, source.name(), hours, earnedOn, recordedAt, recordedBy)
                .update(key, "id");
        return inserted == 0 ? Optional.empty() : Optional.of(key.getKey().longValue());
    }

    /** The pairs among these trainees and lectures whose hours are booked. */
    public Set<TraineeLecture> booked(Collection<Long> traineeIds, Collection<Long> lectureIds) {
        return new HashSet<>(jdbc.sql("""
                        SELECT trainee_id, lecture_id FROM hours_entry
                        WHERE trainee_id IN (:trainees) AND lecture_id IN (:ids)""")
                .param("trainees", traineeIds).param("ids", lectureIds)
                .query((rs, n) -> new TraineeLecture(rs.getLong("trainee_id"), rs.getLong("lecture_id"))).list());
    }

    /**
     * Records hours earned outside with their evidence (its path relative to the evidence folder, and its original
     * name); returns the new entry's id. A second degree for the same trainee fails with a
     * {@link org.springframework.dao.DuplicateKeyException}.
     */
    public long insertExternal(long traineeId, String title, HoursSource source, BigDecimal hours, LocalDate earnedOn,
                               LocalDateTime recordedAt, String recordedBy, String note, String evidencePath,
                               String evidenceName) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO hours_entry (trainee_id, title, source, hours, earned_on, recorded_at, recorded_by,
                          note, evidence_file, evidence_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(traineeId, title, source.name(), hours, earnedOn, recordedAt, recordedBy, note,
                        evidencePath, evidenceName)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** A trainee's entries earned in [from, to], by day. */
    public List<HoursEntry> between(long traineeId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT %s FROM hours_entry WHERE trainee_id = ? AND earned_on BETWEEN ? AND ?
                        ORDER BY earned_on, id""".formatted(COLUMNS))
                .params(traineeId, from, to)
                .query(HoursEntryRepository::entry)
                .list();
    }

    /**
     * Completions booked for a lecture (or, with {@code byCourse}, any lecture of a course) in entry order,
     * {@code limit} at a time after {@code afterEntryId}.
     */
    public List<HoursEntry> completions(boolean byCourse, long id, long afterEntryId, int limit) {
        return jdbc.sql("""
                        SELECT %s FROM hours_entry WHERE %s = ? AND lecture_id IS NOT NULL AND id > ?
                        ORDER BY id LIMIT ?""".formatted(COLUMNS, byCourse ? "course_id" : "lecture_id"))
                .params(id, afterEntryId, limit)
                .query(HoursEntryRepository::entry)
                .list();
    }

    /** The lecture entries with these ids, in entry order. */
    public List<HoursEntry> lectureEntries(Collection<Long> ids) {
        return jdbc.sql("SELECT %s FROM hours_entry WHERE id IN (:ids) AND lecture_id IS NOT NULL ORDER BY id"
                        .formatted(COLUMNS))
                .param("ids", ids)
                .query(HoursEntryRepository::entry)
                .list();
    }

    /** How many completions {@link #completions} walks through. */
    public int countCompletions(boolean byCourse, long id) {
        return jdbc.sql("SELECT COUNT(*) FROM hours_entry WHERE %s = ? AND lecture_id IS NOT NULL"
                        .formatted(byCourse ? "course_id" : "lecture_id"))
                .param(id).query(Integer.class).single();
    }

    /** The evidence of an entry (its path and name are null for an entry without one); empty for no such entry. */
    public Optional<EvidenceFile> evidence(long entryId) {
        return jdbc.sql("SELECT trainee_id, evidence_file, evidence_name FROM hours_entry WHERE id = ?")
                .param(entryId)
                .query((rs, n) -> new EvidenceFile(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    private static HoursEntry entry(ResultSet rs, int row) throws SQLException {
        return new HoursEntry(rs.getLong("id"), rs.getLong("trainee_id"), rs.getObject("lecture_id", Long.class),
                rs.getObject("course_id", Long.class), rs.getString("title"), HoursSource.valueOf(rs.getString("source")),
                rs.getBigDecimal("hours"), rs.getObject("earned_on", LocalDate.class),
                rs.getObject("recorded_at", LocalDateTime.class), rs.getString("note"));
    }
}
