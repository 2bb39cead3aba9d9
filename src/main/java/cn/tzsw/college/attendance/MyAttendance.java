package cn.tzsw.college.attendance;

import cn.tzsw.college.attendance.domain.AttendanceRecordRepository;
import cn.tzsw.college.attendance.domain.WatchProgressRepository;
import cn.tzsw.college.trainees.TraineeService;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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

    private final AttendanceRecordRepository records;
    private final WatchProgressRepository watches;
    private final TraineeService trainees;

    MyAttendance(AttendanceRecordRepository records, WatchProgressRepository watches, TraineeService trainees) {
        this.records = records;
        this.watches = watches;
        this.trainees = trainees;
    }

    /** Every lecture asked for gets an entry (empty figures when nothing is recorded). */
    @PreAuthorize("hasRole('TRAINEE')")
    public Map<Long, Standing> of(Collection<Long> lectureIds) {
        Long me = trainees.mine().map(t -> t.id()).orElse(null);
        if (me == null || lectureIds.isEmpty()) {
            Map<Long, Standing> none = new HashMap<>();
            lectureIds.forEach(id -> none.put(id, new Standing(id, null, 0, false)));
            return none;
        }
        Map<Long, WatchProgressRepository.Watched> watched = watches.watched(me, lectureIds);
        Map<Long, AttendanceStatus> marks = records.statuses(me, lectureIds);
        Map<Long, Standing> result = new HashMap<>();
        for (long id : lectureIds) {
            WatchProgressRepository.Watched watch = watched.get(id);
            result.put(id, new Standing(id, marks.get(id), watch == null ? 0 : watch.creditedSeconds(),
                    watch != null && watch.completed()));
        }
        return result;
    }
}
