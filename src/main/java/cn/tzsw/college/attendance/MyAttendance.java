package cn.tzsw.college.attendance;

import cn.tzsw.college.trainees.TraineeService;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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

    private final AttendanceFacts facts;
    private final TraineeService trainees;

    MyAttendance(AttendanceFacts facts, TraineeService trainees) {
        this.facts = facts;
        this.trainees = trainees;
    }

    /** Every lecture asked for gets an entry (empty figures when nothing is recorded). */
    @PreAuthorize("hasRole('TRAINEE')")
    public Map<Long, AttendanceFacts.Standing> of(Collection<Long> lectureIds) {
        Map<Long, AttendanceFacts.Standing> result = new HashMap<>();
        lectureIds.forEach(id -> result.put(id, AttendanceFacts.Standing.none(id)));
        trainees.mine().ifPresent(me -> facts.among(List.of(me.id()), lectureIds)
                .forEach((pair, standing) -> result.put(pair.lectureId(), standing)));
        return result;
    }
}
