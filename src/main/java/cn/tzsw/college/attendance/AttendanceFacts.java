package cn.tzsw.college.attendance;

import cn.tzsw.college.attendance.domain.AttendanceRecordRepository;
import cn.tzsw.college.attendance.domain.WatchProgressRepository;
import cn.tzsw.college.shared.TraineeLecture;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What attendance knows about trainees on lectures (the mark and its method, how far they watched), for the
 * lecture-state computation and the trainee's own pages. Internal API without a role check: callers check who may
 * ask; it answers with ids, enums and figures only.
 */
@Component
@Transactional(readOnly = true)
public class AttendanceFacts {

    private final AttendanceRecordRepository records;
    private final WatchProgressRepository watches;

    AttendanceFacts(AttendanceRecordRepository records, WatchProgressRepository watches) {
        this.records = records;
        this.watches = watches;
    }

    /** The pairs among these trainees and lectures that have a mark or a watch. */
    public Map<TraineeLecture, Standing> among(Collection<Long> traineeIds, Collection<Long> lectureIds) {
        Map<TraineeLecture, Standing> result = new HashMap<>();
        if (traineeIds.isEmpty() || lectureIds.isEmpty()) {
            return result;
        }
        Map<TraineeLecture, AttendanceRecordRepository.Mark> marks = records.marks(traineeIds, lectureIds);
        Map<TraineeLecture, WatchProgressRepository.Watched> watched = watches.watched(traineeIds, lectureIds);
        marks.keySet().forEach(pair -> result.put(pair, standing(pair, marks.get(pair), watched.get(pair))));
        watched.keySet().forEach(pair -> result.putIfAbsent(pair, standing(pair, null, watched.get(pair))));
        return result;
    }

    private static Standing standing(TraineeLecture pair, AttendanceRecordRepository.Mark mark,
                                     WatchProgressRepository.Watched watch) {
        return new Standing(pair.lectureId(), mark == null ? null : mark.status(), mark == null ? null : mark.method(),
                watch == null ? 0 : watch.creditedSeconds(), watch != null && watch.completed());
    }

    /**
     * A lecture as far as attendance knows it for one trainee: the mark and its method (null: none), seconds
     * watched and credited, watch completed.
     */
    public record Standing(long lectureId, AttendanceStatus mark, AttendanceMethod method, double watchedSeconds,
                           boolean watchCompleted) {

        public static Standing none(long lectureId) {
            return new Standing(lectureId, null, null, 0, false);
        }

        public boolean started() {
            return watchedSeconds > 0;
        }
    }
}
