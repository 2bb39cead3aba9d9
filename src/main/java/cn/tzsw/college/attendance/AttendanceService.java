package cn.tzsw.college.attendance;

import cn.tzsw.college.audit.AuditTrail;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.CourseFormat;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.catalog.LectureStatus;
import cn.tzsw.college.catalog.OrganiserScope;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.registration.RegistrationStatus;
import cn.tzsw.college.registration.MyLecture;
import cn.tzsw.college.security.AccessScope;
import cn.tzsw.college.security.AttemptLimiter;
import cn.tzsw.college.security.AttemptRule;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.Masking;
import cn.tzsw.college.shared.SiteAddress;
import cn.tzsw.college.trainees.TraineeDetails;
import cn.tzsw.college.trainees.TraineeService;
import jakarta.validation.Valid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * In-person attendance: room codes and check-in, marks by administrators (audited), and group viewing sites run
 * by coordinators inside their region. Attending completes an in-person lecture: the hours ledger hears of it
 * through {@link AttendanceEvents.LectureCompleted}.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class AttendanceService {

    private static final int MAX_REASON = 200;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String SHEET_COLUMNS = """
            t.id, t.name, t.phone, t.region_code, a.status, a.method, s.name AS site_name, a.recorded_at, a.reason""";

    private final JdbcClient jdbc;
    private final CatalogService catalog;
    private final RegistrationService registrations;
    private final TraineeService trainees;
    private final RegionService regions;
    private final AccessScope scope;
    private final OrganiserScope organisers;
    private final AuthenticatedUser authenticatedUser;
    private final AuditTrail audit;
    private final CheckInCodes codes;
    private final AttemptLimiter limiter;
    private final LectureSetup setup;
    private final AttendanceProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String baseUrl;

    AttendanceService(JdbcClient jdbc, CatalogService catalog, RegistrationService registrations,
                      TraineeService trainees, RegionService regions, AccessScope scope, OrganiserScope organisers,
                      AuthenticatedUser authenticatedUser, AuditTrail audit, CheckInCodes codes, LectureSetup setup,
                      AttemptLimiter limiter, AttendanceProperties properties, ApplicationEventPublisher events, Clock clock,
                      @Value("${app.mail.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.registrations = registrations;
        this.trainees = trainees;
        this.regions = regions;
        this.scope = scope;
        this.organisers = organisers;
        this.authenticatedUser = authenticatedUser;
        this.audit = audit;
        this.codes = codes;
        this.limiter = limiter;
        this.setup = setup;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** The code the lecture room shows now (the projector page refreshes it). */
    @PreAuthorize("hasAnyRole('ADMIN','INSTRUCTOR')")
    public RoomCode roomCode(long lectureId) {
        LectureInfo lecture = catalog.get(lectureId);
        if (authenticatedUser.require().is(Role.ADMIN)) {
            organisers.requireManages(lecture.organiserCode());
        }
        return code(new CheckInCodes.Target('L', lectureId));
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
        SiteRow site = site(target.id()).orElseThrow(() -> new BusinessRuleException("attendance.codeInvalid"));
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

    /** The signed-in trainee's mark for a lecture, if any. */
    @PreAuthorize("hasRole('TRAINEE')")
    public Optional<AttendanceStatus> myStatus(long lectureId) {
        return trainees.mine().flatMap(me -> status(lectureId, me.id()));
    }

    /** An administrator marks a trainee by hand; the change and its reason go to the audit trail. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void mark(long lectureId, long traineeId, AttendanceStatus status, String reason) {
        LectureInfo lecture = catalog.get(lectureId);
        organisers.requireManages(lecture.organiserCode());
        trainees.get(traineeId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw BusinessRuleException.onField("reason", "attendance.reasonRequired");
        }
        if (why.length() > MAX_REASON) {
            throw BusinessRuleException.onField("reason", "attendance.reasonTooLong", MAX_REASON);
        }
        Optional<AttendanceStatus> old = lockedStatus(lectureId, traineeId);
        if (old.isPresent() && old.get() == status) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO attendance_record (lecture_id, trainee_id, status, method, recorded_at, recorded_by, reason)
                        VALUES (?, ?, ?, 'IN_PERSON', ?, ?, ?)
                        ON DUPLICATE KEY UPDATE status = VALUES(status), recorded_at = VALUES(recorded_at),
                          recorded_by = VALUES(recorded_by), reason = VALUES(reason)""")
                .params(lectureId, traineeId, status.name(), now(), actor(), why)
                .update();
        audit.record("ATTENDANCE_MARKED", "attendance", lectureId + ":" + traineeId,
                old.map(Enum::name).orElse("-") + " -> " + status.name() + ": " + why);
        if (status.attended() && old.map(s -> !s.attended()).orElse(true)) {
            AttendanceMethod method = jdbc.sql("SELECT method FROM attendance_record WHERE lecture_id = ? AND trainee_id = ?")
                    .params(lectureId, traineeId).query(String.class).optional().map(AttendanceMethod::valueOf)
                    .orElse(AttendanceMethod.IN_PERSON);
            completed(traineeId, lectureId, method);
        }
    }

    /** The attendance sheet: registered trainees and anyone else with a mark, with their marks. */
    @PreAuthorize("hasRole('ADMIN')")
    public Page<AttendanceRow> sheet(long lectureId, Pageable pageable) {
        organisers.requireManages(catalog.get(lectureId).organiserCode());
        String people = """
                (SELECT trainee_id FROM registration WHERE lecture_id = :lecture AND status = 'REGISTERED'
                 UNION SELECT trainee_id FROM attendance_record WHERE lecture_id = :lecture) people""";
        List<AttendanceRow> rows = jdbc.sql("SELECT " + SHEET_COLUMNS + " FROM " + people + """
                         JOIN trainee t ON t.id = people.trainee_id
                         LEFT JOIN attendance_record a ON a.lecture_id = :lecture AND a.trainee_id = t.id
                         LEFT JOIN viewing_site s ON s.id = a.site_id
                        ORDER BY t.name, t.id LIMIT :limit OFFSET :offset""")
                .param("lecture", lectureId).param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(AttendanceService::row).list();
        long total = jdbc.sql("SELECT COUNT(*) FROM " + people).param("lecture", lectureId)
                .query(Long.class).single();
        return new PageImpl<>(rows, pageable, total);
    }

    /** A coordinator opens a group viewing site for a live lecture, inside their own region. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public long createSite(long lectureId, @Valid ViewingSiteData data) {
        LectureInfo lecture = catalog.get(lectureId);
        scope.requireVisible(data.getRegionCode());
        if (regions.find(data.getRegionCode()).isEmpty()) {
            throw BusinessRuleException.onField("regionCode", "attendance.site.unknownRegion");
        }
        if (lecture.format() != CourseFormat.LIVE_STREAM && lecture.format() != CourseFormat.HYBRID) {
            throw new BusinessRuleException("attendance.site.notLive");
        }
        jdbc.sql("""
                        INSERT INTO viewing_site (lecture_id, region_code, name, address, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(lectureId, data.getRegionCode(), data.getName().strip(), data.getAddress().strip(), actor(),
                        now())
                .update();
        return jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
    }

    /** The viewing sites of a lecture the caller may see (a coordinator: those in their region). */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public List<ViewingSite> sites(long lectureId) {
        String prefix = scope.visiblePrefix().orElse("");
        return jdbc.sql("""
                        SELECT s.*, (SELECT COUNT(*) FROM attendance_record a WHERE a.site_id = s.id) AS attendees
                        FROM viewing_site s WHERE s.lecture_id = ? AND s.region_code LIKE ? ORDER BY s.region_code, s.id""")
                .params(lectureId, prefix + "%")
                .query((rs, n) -> new ViewingSite(rs.getLong("id"), rs.getLong("lecture_id"),
                        rs.getString("region_code"), rs.getString("name"), rs.getString("address"),
                        rs.getInt("attendees")))
                .list();
    }

    /** Who may be recorded at a site: the lecture's registered trainees inside the caller's region. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public List<AttendanceRow> siteCandidates(long siteId) {
        SiteRow site = visibleSite(siteId);
        String prefix = scope.visiblePrefix().orElse("");
        return jdbc.sql("SELECT " + SHEET_COLUMNS + """
                         FROM registration r JOIN trainee t ON t.id = r.trainee_id
                         LEFT JOIN attendance_record a ON a.lecture_id = r.lecture_id AND a.trainee_id = t.id
                         LEFT JOIN viewing_site s ON s.id = a.site_id
                        WHERE r.lecture_id = ? AND r.status = 'REGISTERED' AND t.region_code LIKE ?
                        ORDER BY t.region_code, t.name""")
                .params(site.lectureId(), prefix + "%")
                .query(AttendanceService::row).list();
    }

    /**
     * A coordinator records who watched at the site; each trainee must be inside the coordinator's region. Only
     * while the site records ({@link #requireSiteRecording}).
     */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public int recordAtSite(long siteId, Collection<Long> traineeIds) {
        SiteRow site = visibleSite(siteId);
        LectureInfo lecture = catalog.get(site.lectureId());
        requireSiteRecording(lecture);
        int recorded = 0;
        for (long traineeId : traineeIds) {
            TraineeDetails trainee = trainees.get(traineeId);
            scope.requireVisible(trainee.regionCode());
            if (insertAttendance(lecture, traineeId, AttendanceStatus.PRESENT, AttendanceMethod.GROUP_SITE, site.id())) {
                audit.record("ATTENDANCE_AT_SITE", "attendance", lecture.id() + ":" + traineeId, site.name());
                recorded++;
            }
        }
        return recorded;
    }

    /**
     * A viewing site records attendance from the lecture's start (less the check-in margin) until the recording
     * window after its end, so that a township can enter its roster the next morning; never for a lecture that has
     * not happened.
     */
    private void requireSiteRecording(LectureInfo lecture) {
        LocalDateTime opens = lecture.startsAt().minus(properties.getCheckInMargin());
        LocalDateTime closes = lecture.endsAt().plus(properties.getSiteRecordingWindow());
        LocalDateTime now = now();
        if (now.isBefore(opens)) {
            throw new BusinessRuleException("attendance.site.notYet", MINUTES.format(opens));
        }
        if (now.isAfter(closes)) {
            throw new BusinessRuleException("attendance.site.closed", MINUTES.format(closes));
        }
    }

    /** The code a viewing site shows for trainees to scan. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public RoomCode siteCode(long siteId) {
        return code(new CheckInCodes.Target('S', visibleSite(siteId).id()));
    }

    private CheckInResult checkIn(LectureInfo lecture, SiteRow site) {
        TraineeDetails me = trainees.mine().orElseThrow(() -> new AccessDeniedException("not a trainee"));
        LocalDateTime now = now();
        if (lecture.status() == LectureStatus.CANCELLED) {
            throw new BusinessRuleException("attendance.lectureCancelled");
        }
        if (now.isBefore(lecture.startsAt().minus(properties.getCheckInMargin()))
                || now.isAfter(lecture.endsAt().plus(properties.getCheckInMargin()))) {
            throw new BusinessRuleException("attendance.outsideWindow");
        }
        boolean registered = registrations.myRegistration(lecture.id()).map(MyLecture::status)
                .filter(s -> s == RegistrationStatus.REGISTERED).isPresent();
        if (!registered && !setup.walkInsAllowed(lecture.id())) {
            throw new BusinessRuleException("attendance.notRegistered");
        }
        AttendanceStatus status = now.isAfter(lecture.startsAt().plus(properties.getLateAfter()))
                ? AttendanceStatus.LATE : AttendanceStatus.PRESENT;
        AttendanceMethod method = site == null ? AttendanceMethod.IN_PERSON : AttendanceMethod.GROUP_SITE;
        boolean inserted = insertAttendance(lecture, me.id(), status, method, site == null ? null : site.id());
        AttendanceStatus recorded = inserted ? status : status(lecture.id(), me.id()).orElse(status);
        return new CheckInResult(lecture.id(), lecture.courseTitle(), recorded, inserted);
    }

    /** Records a first mark (never overwrites one); attending completes the lecture. */
    private boolean insertAttendance(LectureInfo lecture, long traineeId, AttendanceStatus status,
                                     AttendanceMethod method, Long siteId) {
        int inserted = jdbc.sql("""
                        INSERT IGNORE INTO attendance_record (lecture_id, trainee_id, status, method, site_id, recorded_at, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(lecture.id(), traineeId, status.name(), method.name(), siteId, now(), actor())
                .update();
        if (inserted == 1 && status.attended()) {
            completed(traineeId, lecture.id(), method);
        }
        return inserted == 1;
    }

    private void completed(long traineeId, long lectureId, AttendanceMethod method) {
        events.publishEvent(new AttendanceEvents.LectureCompleted(traineeId, lectureId, method, now().toLocalDate()));
    }

    private Optional<AttendanceStatus> status(long lectureId, long traineeId) {
        return jdbc.sql("SELECT status FROM attendance_record WHERE lecture_id = ? AND trainee_id = ?")
                .params(lectureId, traineeId).query(String.class).optional().map(AttendanceStatus::valueOf);
    }

    private Optional<AttendanceStatus> lockedStatus(long lectureId, long traineeId) {
        return jdbc.sql("SELECT status FROM attendance_record WHERE lecture_id = ? AND trainee_id = ? FOR UPDATE")
                .params(lectureId, traineeId).query(String.class).optional().map(AttendanceStatus::valueOf);
    }

    private RoomCode code(CheckInCodes.Target target) {
        long slot = codes.currentSlot();
        return new RoomCode(SiteAddress.current(baseUrl) + "/checkin?code=" + codes.token(target, slot), codes.shortCode(target, slot),
                codes.slotEnds(slot));
    }

    private record SiteRow(long id, long lectureId, String regionCode, String name) {
    }

    private Optional<SiteRow> site(long siteId) {
        return jdbc.sql("SELECT id, lecture_id, region_code, name FROM viewing_site WHERE id = ?").param(siteId)
                .query((rs, n) -> new SiteRow(rs.getLong("id"), rs.getLong("lecture_id"), rs.getString("region_code"),
                        rs.getString("name")))
                .optional();
    }

    /** A site inside the caller's region; a foreign and a missing site are the same refusal. */
    private SiteRow visibleSite(long siteId) {
        SiteRow site = site(siteId).orElseThrow(() -> new AccessDeniedException("no such site in scope"));
        scope.requireVisible(site.regionCode());
        return site;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private String actor() {
        return authenticatedUser.actorName();
    }

    private static AttendanceRow row(ResultSet rs, int n) throws SQLException {
        String status = rs.getString("status");
        String method = rs.getString("method");
        return new AttendanceRow(rs.getLong("id"), rs.getString("name"), Masking.phone(rs.getString("phone")),
                rs.getString("region_code"), status == null ? null : AttendanceStatus.valueOf(status),
                method == null ? null : AttendanceMethod.valueOf(method), rs.getString("site_name"),
                rs.getObject("recorded_at", LocalDateTime.class), rs.getString("reason"));
    }
}
