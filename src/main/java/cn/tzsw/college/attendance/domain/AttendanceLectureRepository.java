package cn.tzsw.college.attendance.domain;

import cn.tzsw.college.attendance.LectureMedia;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per-lecture attendance settings ({@code attendance_lecture}): walk-ins and the recorded video. */
@Repository
public class AttendanceLectureRepository {

    private final JdbcClient jdbc;

    AttendanceLectureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LectureMedia> media(long lectureId) {
        return jdbc.sql("SELECT * FROM attendance_lecture WHERE lecture_id = ?").param(lectureId)
                .query((rs, n) -> new LectureMedia(lectureId, rs.getBoolean("walk_ins_allowed"),
                        rs.getString("video_name"), rs.getObject("video_bytes", Long.class), rs.getString("video_url"),
                        rs.getObject("video_seconds", Integer.class)))
                .optional();
    }

    /** The stored name of the uploaded video file, if there is one. */
    public Optional<String> videoFile(long lectureId) {
        return jdbc.sql("SELECT video_file FROM attendance_lecture WHERE lecture_id = ? AND video_file IS NOT NULL")
                .param(lectureId).query(String.class).optional();
    }

    /** The same, under the row's lock, for replacing the video. */
    public Optional<String> lockedVideoFile(long lectureId) {
        return jdbc.sql("SELECT video_file FROM attendance_lecture WHERE lecture_id = ? FOR UPDATE")
                .param(lectureId).query(String.class).optional();
    }

    /** Creates the lecture's row with the defaults (no walk-ins, no video) unless it exists. */
    public void ensureRow(long lectureId, LocalDateTime at) {
        jdbc.sql("INSERT IGNORE INTO attendance_lecture (lecture_id, walk_ins_allowed, updated_at) VALUES (?, FALSE, ?)")
                .params(lectureId, at).update();
    }

    public void setWalkIns(long lectureId, boolean allowed, LocalDateTime at) {
        jdbc.sql("UPDATE attendance_lecture SET walk_ins_allowed = ?, updated_at = ? WHERE lecture_id = ?")
                .params(allowed, at, lectureId).update();
    }

    /** Sets the video (an uploaded file with its name and size, or a link), all null for none. */
    public void setVideo(long lectureId, String file, String name, Long bytes, String url, Integer seconds,
                         LocalDateTime at) {
        jdbc.sql("""
                        UPDATE attendance_lecture SET video_file = ?, video_name = ?, video_bytes = ?, video_url = ?,
                          video_seconds = ?, updated_at = ? WHERE lecture_id = ?""")
                .params(file, name, bytes, url, seconds, at, lectureId).update();
    }
}
