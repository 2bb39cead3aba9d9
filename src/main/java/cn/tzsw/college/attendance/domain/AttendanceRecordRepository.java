package cn.tzsw.college.attendance.domain;

import cn.tzsw.college.attendance.AttendanceMethod;
import cn.tzsw.college.attendance.AttendanceRow;
import cn.tzsw.college.attendance.AttendanceStatus;
import cn.tzsw.college.shared.Masking;
import cn.tzsw.college.shared.TraineeLecture;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Collection;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Attendance marks ({@code attendance_record}, one per trainee and lecture) and the lists built on them. Who is
 * registered and what a trainee is called come from the owners' read models {@code registered_trainee}
 * (registration) and {@code trainee_listing} (trainees); a sheet page is one query, ordered and cut in SQL.
 */
@Repository
public class AttendanceRecordRepository {

    private static final String ROW_COLUMNS = """
            t.id, t.name, t.phone, t.region_code, a.status, a.method, s.name AS site_name, a.recorded_at, a.reason""";
    private static final String SHEET_PEOPLE = """
            (SELECT trainee_id FROM registered_trainee WHERE lecture_id = :lecture
             UNION SELECT trainee_id FROM attendance_record WHERE lecture_id = :lecture) people""";

    private final JdbcClient jdbc;

    AttendanceRecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a first mark, never overwriting one; whether this call made it. */
    public boolean insertFirst(long lectureId, long traineeId, AttendanceStatus status, AttendanceMethod method,
                               Long siteId, LocalDateTime at, String by) {
        return jdbc.sql("""
                        INSERT IGNORE INTO attendance_record (lecture_id, trainee_id, status, method, site_id, recorded_at, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(lectureId, traineeId, status.name(), method.name(), siteId, at, by)
                .update() == 1;
    }

    /** A mark by hand: sets the status and its reason, keeping how the trainee attended if a mark exists. */
    public void markByHand(long lectureId, long traineeId, AttendanceStatus status, LocalDateTime at, String by,
                           String reason) {
        jdbc.sql("""
                        INSERT INTO attendance_record (lecture_id, trainee_id, status, method, recorded_at, recorded_by, reason)
                        VALUES (?, ?, ?, 'IN_PERSON', ?, ?, ?)
                        ON DUPLICATE KEY UPDATE status = VALUES(status), recorded_at = VALUES(recorded_at),
                          recorded_by = VALUES(recorded_by), reason = VALUES(reason)""")
                .params(lectureId, traineeId, status.name(), at, by, reason)
                .update();
    }

    public Optional<AttendanceStatus> status(long lectureId, long traineeId) {
        return jdbc.sql("SELECT status FROM attendance_record WHERE lecture_id = ? AND trainee_id = ?")
                .params(lectureId, traineeId).query(String.class).optional().map(AttendanceStatus::valueOf);
    }

    /** The status under the row's lock, so that two marks by hand are audited one after the other. */
    public Optional<AttendanceStatus> lockedStatus(long lectureId, long traineeId) {
        return jdbc.sql("SELECT status FROM attendance_record WHERE lecture_id = ? AND trainee_id = ? FOR UPDATE")
                .params(lectureId, traineeId).query(String.class).optional().map(AttendanceStatus::valueOf);
    }

    public Optional<AttendanceMethod> method(long lectureId, long traineeId) {
        return jdbc.sql("SELECT method FROM attendance_record WHERE lecture_id = ? AND trainee_id = ?")
                .params(lectureId, traineeId).query(String.class).optional().map(AttendanceMethod::valueOf);
    }

    /** One page of the sheet: registered trainees and anyone else with a mark, by name. */
    public List<AttendanceRow> sheet(long lectureId, int limit, long offset) {
        return jdbc.sql("SELECT " + ROW_COLUMNS + " FROM " + SHEET_PEOPLE + """
                         JOIN trainee_listing t ON t.id = people.trainee_id
                         LEFT JOIN attendance_record a ON a.lecture_id = :lecture AND a.trainee_id = t.id
                         LEFT JOIN viewing_site s ON s.id = a.site_id
                        ORDER BY t.name, t.id LIMIT :limit OFFSET :offset""")
                .param("lecture", lectureId).param("limit", limit).param("offset", offset)
                .query(AttendanceRecordRepository::row).list();
    }

    public long sheetSize(long lectureId) {
        return jdbc.sql("SELECT COUNT(*) FROM " + SHEET_PEOPLE).param("lecture", lectureId)
                .query(Long.class).single();
    }

    /** The lecture's registered trainees whose region code starts with the prefix, with their marks. */
    public List<AttendanceRow> registeredIn(long lectureId, String regionPrefix) {
        return jdbc.sql("SELECT " + ROW_COLUMNS + """
                         FROM registered_trainee r JOIN trainee_listing t ON t.id = r.trainee_id
                         LEFT JOIN attendance_record a ON a.lecture_id = r.lecture_id AND a.trainee_id = t.id
                         LEFT JOIN viewing_site s ON s.id = a.site_id
                        WHERE r.lecture_id = ? AND t.region_code LIKE ?
                        ORDER BY t.region_code, t.name""")
                .params(lectureId, regionPrefix + "%")
                .query(AttendanceRecordRepository::row).list();
    }

    private static AttendanceRow row(ResultSet rs, int n) throws SQLException {
        String status = rs.getString("status");
        String method = rs.getString("method");
        return new AttendanceRow(rs.getLong("id"), rs.getString("name"), Masking.phone(rs.getString("phone")),
                rs.getString("region_code"), status == null ? null : AttendanceStatus.valueOf(status),
                method == null ? null : AttendanceMethod.valueOf(method), rs.getString("site_name"),
                rs.getObject("recorded_at", LocalDateTime.class), rs.getString("reason"));
    }

    /** A trainee's mark on one lecture, for the trainee's page. */
    public record TraineeMark(long lectureId, AttendanceStatus status, AttendanceMethod method,
                              LocalDateTime recordedAt) {
    }

    /** Every mark of one trainee, newest first. */
    public List<TraineeMark> ofTrainee(long traineeId) {
        return jdbc.sql("""
                        SELECT lecture_id, status, method, recorded_at FROM attendance_record
                        WHERE trainee_id = ? ORDER BY recorded_at DESC""")
                .param(traineeId)
                .query((rs, n) -> new TraineeMark(rs.getLong("lecture_id"),
                        AttendanceStatus.valueOf(rs.getString("status")),
                        rs.getString("method") == null ? null : AttendanceMethod.valueOf(rs.getString("method")),
                        rs.getObject("recorded_at", LocalDateTime.class)))
                .list();
    }

    /** A mark: what it says and how the trainee attended. */
    public record Mark(AttendanceStatus status, AttendanceMethod method) {
    }

    /** The marks among these trainees and lectures, of the pairs that have one. */
    public Map<TraineeLecture, Mark> marks(Collection<Long> traineeIds, Collection<Long> lectureIds) {
        Map<TraineeLecture, Mark> marks = new HashMap<>();
        jdbc.sql("""
                        SELECT trainee_id, lecture_id, status, method FROM attendance_record
                        WHERE trainee_id IN (:trainees) AND lecture_id IN (:ids)""")
                .param("trainees", traineeIds).param("ids", lectureIds)
                .query(rs -> {
                    String method = rs.getString("method");
                    marks.put(new TraineeLecture(rs.getLong("trainee_id"), rs.getLong("lecture_id")),
                            new Mark(AttendanceStatus.valueOf(rs.getString("status")),
                                    method == null ? null : AttendanceMethod.valueOf(method)));
                });
        return marks;
    }
}
