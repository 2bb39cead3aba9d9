package cn.tzsw.college.attendance.heartbeat;

import cn.tzsw.college.attendance.AttendanceEvents;
import cn.tzsw.college.attendance.AttendanceMethod;
import cn.tzsw.college.attendance.LectureSetup;
import cn.tzsw.college.attendance.domain.WatchProgressRepository;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.catalog.LectureStatus;
import cn.tzsw.college.registration.RegistrationService;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books a watch's completion once, from its stored credit, and announces it in the same transaction (the hours
 * ledger books the hours in it). The signed-in trainee's registration is read under its row lock, so a
 * cancellation at the same moment either waits for the booking or is seen by it; a cancelled lecture or
 * registration books nothing. A conditional update decides, whatever runs at the same time, so a booking that
 * failed can simply be tried again.
 */
@Component
class WatchCompletions {

    private final WatchProgressRepository repository;
    private final CatalogService catalog;
    private final RegistrationService registrations;
    private final LectureSetup setup;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WatchCompletions(WatchProgressRepository repository, CatalogService catalog, RegistrationService registrations,
                     LectureSetup setup, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.registrations = registrations;
        this.setup = setup;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Marks the signed-in trainee's watch complete if its stored credit reaches {@code requiredSeconds}. Returns
     * whether the watch is complete (now or before).
     */
    @Transactional
    public boolean complete(long traineeId, long lectureId, AttendanceMethod method, double requiredSeconds) {
        if (!registrations.holdsMySeat(lectureId) && !setup.media(lectureId).walkInsAllowed()) {
            return false;
        }
        LectureInfo lecture = catalog.get(lectureId);
        if (lecture.status() == LectureStatus.CANCELLED) {
            return false;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (repository.markCompleted(traineeId, lectureId, requiredSeconds, now)) {
            events.publishEvent(AttendanceEvents.LectureCompleted.of(traineeId, lecture, method, now.toLocalDate()));
            return true;
        }
        return repository.completed(traineeId, lectureId);
    }
}
