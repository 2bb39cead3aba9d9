package cn.tzsw.college.attendance;

import cn.tzsw.college.attendance.domain.AttendanceRecordRepository;
import cn.tzsw.college.attendance.domain.ViewingSiteRepository;
import cn.tzsw.college.attendance.domain.ViewingSiteRepository.SiteRef;
import cn.tzsw.college.audit.AuditTrail;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.CourseFormat;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.security.AccessScope;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.trainees.TraineeService;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Group viewing sites (集中收看点) of live lectures, run by coordinators inside their region: opening a site, its
 * check-in code, its roster, and recording who watched there.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class ViewingSites {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CatalogService catalog;
    private final RegionService regions;
    private final TraineeService trainees;
    private final AccessScope scope;
    private final AuthenticatedUser authenticatedUser;
    private final AuditTrail audit;
    private final CheckInCodes codes;
    private final ViewingSiteRepository sites;
    private final AttendanceRecordRepository records;
    private final MarkRecorder recorder;
    private final AttendanceProperties properties;
    private final Clock clock;

    ViewingSites(CatalogService catalog, RegionService regions, TraineeService trainees, AccessScope scope,
                 AuthenticatedUser authenticatedUser, AuditTrail audit, CheckInCodes codes,
                 ViewingSiteRepository sites, AttendanceRecordRepository records, MarkRecorder recorder,
                 AttendanceProperties properties, Clock clock) {
        this.catalog = catalog;
        this.regions = regions;
        this.trainees = trainees;
        this.scope = scope;
        this.authenticatedUser = authenticatedUser;
        this.audit = audit;
        this.codes = codes;
        this.sites = sites;
        this.records = records;
        this.recorder = recorder;
        this.properties = properties;
        this.clock = clock;
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
        return sites.insert(lectureId, data.getRegionCode(), data.getName().strip(), data.getAddress().strip(),
                authenticatedUser.actorName(), LocalDateTime.now(clock));
    }

    /** The viewing sites of a lecture the caller may see (a coordinator: those in their region). */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public List<ViewingSite> sites(long lectureId) {
        return sites.ofLecture(lectureId, scope.visiblePrefix().orElse(""));
    }

    /** Who may be recorded at a site: the lecture's registered trainees inside the caller's region. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public List<AttendanceRow> siteCandidates(long siteId) {
        return records.registeredIn(visibleSite(siteId).lectureId(), scope.visiblePrefix().orElse(""));
    }

    /**
     * A coordinator records who watched at the site; each trainee must be inside the coordinator's region. Only
     * while the site records ({@link #requireSiteRecording}).
     */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public int recordAtSite(long siteId, Collection<Long> traineeIds) {
        SiteRef site = visibleSite(siteId);
        LectureInfo lecture = catalog.get(site.lectureId());
        requireSiteRecording(lecture);
        int recorded = 0;
        for (long traineeId : traineeIds) {
            scope.requireVisible(trainees.get(traineeId).regionCode());
            if (recorder.recordFirst(lecture.id(), traineeId, AttendanceStatus.PRESENT, AttendanceMethod.GROUP_SITE,
                    site.id())) {
                audit.record("ATTENDANCE_AT_SITE", "attendance", lecture.id() + ":" + traineeId, site.name());
                recorded++;
            }
        }
        return recorded;
    }

    /** The code a viewing site shows for trainees to scan. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public RoomCode siteCode(long siteId) {
        return codes.roomCode(new CheckInCodes.Target('S', visibleSite(siteId).id()));
    }

    /**
     * A viewing site records attendance from the lecture's start (less the check-in margin) until the recording
     * window after its end, so that a township can enter its roster the next morning; never for a lecture that has
     * not happened.
     */
    private void requireSiteRecording(LectureInfo lecture) {
        LocalDateTime opens = lecture.startsAt().minus(properties.getCheckInMargin());
        LocalDateTime closes = lecture.endsAt().plus(properties.getSiteRecordingWindow());
        LocalDateTime now = LocalDateTime.now(clock);
        if (now.isBefore(opens)) {
            throw new BusinessRuleException("attendance.site.notYet", MINUTES.format(opens));
        }
        if (now.isAfter(closes)) {
            throw new BusinessRuleException("attendance.site.closed", MINUTES.format(closes));
        }
    }

    /** A site inside the caller's region; a foreign and a missing site are the same refusal. */
    private SiteRef visibleSite(long siteId) {
        SiteRef site = sites.find(siteId).orElseThrow(() -> new AccessDeniedException("no such site in scope"));
        scope.requireVisible(site.regionCode());
        return site;
    }
}
