package cn.tzsw.college.attendance;

import cn.tzsw.college.trainees.TraineeService;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in trainee's attendance on several lectures at once (their mark, how far they watched), so that a
 * home page can say which action each lecture needs without one call per lecture. Read-only.
 */
@Service
@Transactional(readOnly = true)
public class MyAttendance {

    /** A lecture as far as attendance knows it: the mark (null: none), seconds watched and credited, watch completed. */
    public record Standing(long lectureId, AttendanceStatus mark, double watchedSeconds, boolean watchCompleted) {

        public boolean started() {
            return watchedSeconds > 0;
        }
    }

    private final JdbcClient jdbc;
    private final TraineeService trainees;

    MyAttendance(JdbcClient jdbc, TraineeService trainees) {
        this.jdbc = jdbc;
        this.trainees = trainees;
    }

    /** Every lecture asked for gets an entry (empty figures when nothing is recorded). */
    @PreAuthorize("hasRole('TRAINEE')")
    public Map<Long, Standing> of(Collection<Long> lectureIds) {
        Map<Long, Standing> result = new HashMap<>();
        lectureIds.forEach(id -> result.put(id, new Standing(id, null, 0, false)));
        Long me = trainees.mine().map(t -> t.id()).orElse(null);
        if (me == null || lectureIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT lecture_id, credited_seconds, completed_at FROM watch_progress WHERE trainee_id = :me AND lecture_id IN (:ids)")
                .param("me", me).param("ids", lectureIds)
                .query(rs -> {
                    long id = rs.getLong("lecture_id");
                    result.put(id, new Standing(id, null, rs.getDouble("credited_seconds"),
                            rs.getObject("completed_at") != null));
                });
        jdbc.sql("SELECT lecture_id, status FROM attendance_record WHERE trainee_id = :me AND lecture_id IN (:ids)")
                .param("me", me).param("ids", lectureIds)
                .query(rs -> {
                    long id = rs.getLong("lecture_id");
                    Standing before = result.get(id);
                    result.put(id, new Standing(id, AttendanceStatus.valueOf(rs.getString("status")),
                            before.watchedSeconds(), before.watchCompleted()));
                });
        return result;
    }
}
