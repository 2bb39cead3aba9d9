package cn.tzsw.college.attendance;

import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks a watch complete once in the database (a conditional update decides, whatever runs at the same time)
 * and announces it, in the same transaction.
 */
@Component
class WatchCompletions {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WatchCompletions(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public boolean complete(long traineeId, long lectureId, AttendanceMethod method) {
        LocalDateTime now = LocalDateTime.now(clock);
        int changed = jdbc.sql("""
                        UPDATE watch_progress SET completed_at = ?
                        WHERE trainee_id = ? AND lecture_id = ? AND completed_at IS NULL""")
                .params(now, traineeId, lectureId).update();
        if (changed == 1) {
            events.publishEvent(new AttendanceEvents.LectureCompleted(traineeId, lectureId, method, now.toLocalDate()));
        }
        return changed == 1;
    }
}
