package cn.tzsw.college.attendance;

import cn.tzsw.college.attendance.domain.AttendanceRecordRepository;
import cn.tzsw.college.audit.AuditTrail;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.catalog.OrganiserScope;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.trainees.TraineeService;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance marks: a trainee's own, the administrator's sheet of a lecture, corrections by hand (audited), and the
 * mark a completed video or live stream leaves.
 */
@Service
@Transactional(readOnly = true)
public class AttendanceMarks {

    private static final int MAX_REASON = 200;

    private final CatalogService catalog;
    private final OrganiserScope organisers;
    private final TraineeService trainees;
    private final AuthenticatedUser authenticatedUser;
    private final AuditTrail audit;
    private final AttendanceRecordRepository records;
    private final MarkRecorder recorder;
    private final Clock clock;

    AttendanceMarks(CatalogService catalog, OrganiserScope organisers, TraineeService trainees,
                    AuthenticatedUser authenticatedUser, AuditTrail audit, AttendanceRecordRepository records,
                    MarkRecorder recorder, Clock clock) {
        this.catalog = catalog;
        this.organisers = organisers;
        this.trainees = trainees;
        this.authenticatedUser = authenticatedUser;
        this.audit = audit;
        this.records = records;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** The signed-in trainee's mark for a lecture, if any. */
    @PreAuthorize("hasRole('TRAINEE')")
    public Optional<AttendanceStatus> myStatus(long lectureId) {
        return trainees.mine().flatMap(me -> records.status(lectureId, me.id()));
    }

    /** An administrator marks a trainee by hand; the change and its reason go to the audit trail. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void mark(long lectureId, long traineeId, AttendanceStatus status, String reason) {
        organisers.requireManages(catalog.get(lectureId).organiserCode());
        trainees.get(traineeId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw BusinessRuleException.onField("reason", "attendance.reasonRequired");
        }
        if (why.length() > MAX_REASON) {
            throw BusinessRuleException.onField("reason", "attendance.reasonTooLong", MAX_REASON);
        }
        Optional<AttendanceStatus> old = records.lockedStatus(lectureId, traineeId);
        if (old.isPresent() && old.get() == status) {
            return;
        }
        records.markByHand(lectureId, traineeId, status, LocalDateTime.now(clock), authenticatedUser.actorName(), why);
        audit.record("ATTENDANCE_MARKED", "attendance", lectureId + ":" + traineeId,
                old.map(Enum::name).orElse("-") + " -> " + status.name() + ": " + why);
        if (status.attended() && old.map(s -> !s.attended()).orElse(true)) {
            recorder.completed(traineeId, lectureId,
                    records.method(lectureId, traineeId).orElse(AttendanceMethod.IN_PERSON));
        }
    }

    /**
     * A trainee's attendance, newest mark first, for the trainee's page: administrators, and coordinators inside
     * their region.
     */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public List<TraineeAttendance> ofTrainee(long traineeId) {
        trainees.get(traineeId); // in scope, or the same refusal as for a missing trainee
        List<AttendanceRecordRepository.TraineeMark> marks = records.ofTrainee(traineeId);
        Map<Long, LectureInfo> lectures = catalog.findAll(marks.stream().map(m -> m.lectureId()).toList()).stream()
                .collect(Collectors.toMap(LectureInfo::id, Function.identity()));
        return marks.stream().filter(m -> lectures.containsKey(m.lectureId()))
                .map(m -> new TraineeAttendance(m.lectureId(), lectures.get(m.lectureId()).courseTitle(),
                        lectures.get(m.lectureId()).startsAt(), m.status(), m.method(), m.recordedAt()))
                .toList();
    }

    /** The attendance sheet: registered trainees and anyone else with a mark, with their marks, by name. */
    @PreAuthorize("hasRole('ADMIN')")
    public Page<AttendanceRow> sheet(long lectureId, Pageable pageable) {
        organisers.requireManages(catalog.get(lectureId).organiserCode());
        return new PageImpl<>(records.sheet(lectureId, pageable.getPageSize(), pageable.getOffset()), pageable,
                records.sheetSize(lectureId));
    }

    /**
     * A watched video or live stream completed the lecture: the sheet shows the trainee as present by that method,
     * unless a mark exists (a check-in, a viewing site's roster or a mark by hand stays). After the completion
     * commits, in a transaction of its own; the completion was announced already, so this mark announces nothing.
     */
    @ApplicationModuleListener
    void onLectureCompleted(AttendanceEvents.LectureCompleted event) {
        if (event.method() == AttendanceMethod.VIDEO || event.method() == AttendanceMethod.LIVE_STREAM) {
            records.insertFirst(event.lectureId(), event.traineeId(), AttendanceStatus.PRESENT, event.method(), null,
                    LocalDateTime.now(clock), authenticatedUser.actorName());
        }
    }
}
