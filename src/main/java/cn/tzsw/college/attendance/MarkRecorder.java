package cn.tzsw.college.attendance;

import cn.tzsw.college.attendance.domain.AttendanceRecordRepository;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.security.AuthenticatedUser;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one place for what a mark means: a first mark (a check-in, a viewing site's roster) never overwrites one, and
 * a mark that attends completes the lecture; the hours ledger hears of it through
 * {@link AttendanceEvents.LectureCompleted}, in the recording transaction. Callers check who may record.
 */
@Component
class MarkRecorder {

    private final AttendanceRecordRepository records;
    private final CatalogService catalog;
    private final AuthenticatedUser authenticatedUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MarkRecorder(AttendanceRecordRepository records, CatalogService catalog, AuthenticatedUser authenticatedUser,
                 ApplicationEventPublisher events, Clock clock) {
        this.catalog = catalog;
        this.records = records;
        this.authenticatedUser = authenticatedUser;
        this.events = events;
        this.clock = clock;
    }

    /** Records a first mark by the signed-in user (or the system); whether this call made it. */
    boolean recordFirst(long lectureId, long traineeId, AttendanceStatus status, AttendanceMethod method, Long siteId) {
        boolean inserted = records.insertFirst(lectureId, traineeId, status, method, siteId, now(),
                authenticatedUser.actorName());
        if (inserted && status.attended()) {
            completed(traineeId, lectureId, method);
        }
        return inserted;
    }

    void completed(long traineeId, long lectureId, AttendanceMethod method) {
        events.publishEvent(AttendanceEvents.LectureCompleted.of(traineeId, catalog.get(lectureId), method,
                now().toLocalDate()));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
