package cn.tzsw.college.attendance;

import cn.tzsw.college.attendance.domain.AttendanceRecordRepository;
import cn.tzsw.college.attendance.domain.ViewingSiteRepository;
import cn.tzsw.college.attendance.domain.ViewingSiteRepository.SiteRef;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.catalog.LectureStatus;
import cn.tzsw.college.catalog.OrganiserScope;
import cn.tzsw.college.security.AttemptLimiter;
import cn.tzsw.college.security.AttemptRule;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.trainees.TraineeDetails;
import cn.tzsw.college.trainees.TraineeService;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-person check-in: the room's signed code (a QR link and six digits, renewed every slot), and a trainee's
 * check-in by a room's or a viewing site's code, inside the lecture's check-in window.
 */
@Service
@Transactional(readOnly = true)
public class CheckIns {

    private final CatalogService catalog;
    private final TraineeService trainees;
    private final OrganiserScope organisers;
    private final AuthenticatedUser authenticatedUser;
    private final CheckInCodes codes;
    private final AttemptLimiter limiter;
    private final LectureSetup setup;
    private final ViewingSiteRepository sites;
    private final AttendanceRecordRepository records;
    private final MarkRecorder recorder;
    private final AttendanceProperties properties;
    private final AttendanceWindows windows;
    private final Clock clock;

    CheckIns(CatalogService catalog, TraineeService trainees, OrganiserScope organisers,
             AuthenticatedUser authenticatedUser, CheckInCodes codes, AttemptLimiter limiter, LectureSetup setup,
             ViewingSiteRepository sites, AttendanceRecordRepository records, MarkRecorder recorder,
             AttendanceProperties properties, AttendanceWindows windows, Clock clock) {
        this.catalog = catalog;
        this.trainees = trainees;
        this.organisers = organisers;
        this.authenticatedUser = authenticatedUser;
        this.codes = codes;
        this.limiter = limiter;
        this.setup = setup;
        this.sites = sites;
        this.records = records;
        this.recorder = recorder;
        this.properties = properties;
        this.windows = windows;
        this.clock = clock;
    }

    /** The code the lecture room shows now (the projector page refreshes it). */
    @PreAuthorize("hasAnyRole('ADMIN','INSTRUCTOR')")
    public RoomCode roomCode(long lectureId) {
        LectureInfo lecture = catalog.get(lectureId);
        if (authenticatedUser.require().is(Role.ADMIN)) {
            organisers.requireManages(lecture.organiserCode());
        }
        return codes.roomCode(new CheckInCodes.Target('L', lectureId));
    }

    /** A trainee scanned a room's or a viewing site's QR code. */
    @PreAuthorize("hasRole('TRAINEE')")
    @Transactional
    public CheckInResult checkIn(String token) {
        CheckInCodes.Target target = codes.verifyToken(token)
                .orElseThrow(() -> new BusinessRuleException("attendance.codeInvalid"));
        if (target.kind() == 'L') {
            return checkIn(catalog.get(target.id()), null);
        }
        SiteRef site = sites.find(target.id()).orElseThrow(() -> new BusinessRuleException("attendance.codeInvalid"));
        return checkIn(catalog.get(site.lectureId()), site);
    }

    /**
     * A trainee typed the six digits shown beside the room's QR code. Six digits can be guessed, so wrong codes are
     * counted per trainee and lecture: after too many the trainee is refused for a while, even with the right code
     * (the QR still works, as scanning it needs the room's screen).
     */
    @PreAuthorize("hasRole('TRAINEE')")
    @Transactional
    public CheckInResult checkInWithCode(long lectureId, String shortCode) {
        String guesser = lectureId + ":" + authenticatedUser.require().accountId();
        limiter.lock(AttemptRule.CHECK_IN_CODE, guesser).ifPresent(lock -> {
            throw lock.refusal("attendance.codeLocked");
        });
        if (!codes.verifyShortCode(new CheckInCodes.Target('L', lectureId), shortCode)) {
            limiter.count(AttemptRule.CHECK_IN_CODE, guesser).ifPresent(lock -> {
                throw lock.refusal("attendance.codeLocked");
            });
            throw BusinessRuleException.onField("code", "attendance.shortCodeInvalid");
        }
        return checkIn(catalog.get(lectureId), null);
    }

    private CheckInResult checkIn(LectureInfo lecture, SiteRef site) {
        TraineeDetails me = trainees.mine().orElseThrow(() -> new AccessDeniedException("not a trainee"));
        LocalDateTime now = LocalDateTime.now(clock);
        if (lecture.status() == LectureStatus.CANCELLED) {
            throw new BusinessRuleException("attendance.lectureCancelled");
        }
        if (!windows.checkInOpen(lecture, now)) {
            throw new BusinessRuleException("attendance.outsideWindow");
        }
        if (!setup.mayAttend(lecture.id())) {
            throw new BusinessRuleException("attendance.notRegistered");
        }
        AttendanceStatus status = now.isAfter(lecture.startsAt().plus(properties.getLateAfter()))
                ? AttendanceStatus.LATE : AttendanceStatus.PRESENT;
        AttendanceMethod method = site == null ? AttendanceMethod.IN_PERSON : AttendanceMethod.GROUP_SITE;
        boolean inserted = recorder.recordFirst(lecture.id(), me.id(), status, method, site == null ? null : site.id());
        AttendanceStatus recorded = inserted ? status : records.status(lecture.id(), me.id()).orElse(status);
        return new CheckInResult(lecture.id(), lecture.courseTitle(), recorded, inserted);
    }
}
