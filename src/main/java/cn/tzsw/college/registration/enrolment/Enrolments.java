package cn.tzsw.college.registration.enrolment;

import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.LectureSeats;
import cn.tzsw.college.catalog.OrganiserScope;
import cn.tzsw.college.registration.RegistrationEvents;
import cn.tzsw.college.registration.RegistrationOutcome;
import cn.tzsw.college.registration.RegistrationStatus;
import cn.tzsw.college.registration.domain.LectureTerms;
import cn.tzsw.college.registration.domain.RegistrationRows;
import cn.tzsw.college.registration.domain.RegistrationRowsImpl;
import cn.tzsw.college.registration.domain.RegistrationRows.Standing;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.RegionCodes;
import java.time.Clock;
import java.time.LocalDateTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Taking a place on a lecture: a seat if one is free, else a place in line. Called only by
 * {@code RegistrationService}, inside its transaction and after its role check (no proxy of its own on the measured
 * path); see package-info for how this path differs.
 */
@Component
public class Enrolments {

    private final RegistrationRows registrations;
    private final LectureSeats seats;
    private final CatalogService catalog;
    private final OrganiserScope organisers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** The rows' statements without the repository's proxy (see package-info). */
    Enrolments(RegistrationRowsImpl registrations, LectureSeats seats, CatalogService catalog,
               OrganiserScope organisers, ApplicationEventPublisher events, Clock clock) {
        this.registrations = registrations;
        this.seats = seats;
        this.catalog = catalog;
        this.organisers = organisers;
        this.events = events;
        this.clock = clock;
    }

    /** The trainee whose account this is registers, within the lecture's window and region. */
    public RegistrationOutcome byTrainee(long accountId, long lectureId) {
        Standing standing = registrations.standingOfAccount(accountId, lectureId)
                .orElseThrow(() -> new BusinessRuleException("lecture.unknown", lectureId));
        if (standing.traineeId() == null) {
            throw new AccessDeniedException("no trainee profile");
        }
        return enrol(standing, false);
    }

    /** An administrator of the lecture's organiser adds the trainee: window and region do not apply, seats do. */
    public RegistrationOutcome byAdmin(long traineeId, long lectureId) {
        Standing standing = registrations.standingOfTrainee(traineeId, lectureId)
                .orElseThrow(() -> new BusinessRuleException("lecture.unknown", lectureId));
        organisers.requireManages(standing.lecture().organiserCode());
        return enrol(standing, true);
    }

    private RegistrationOutcome enrol(Standing standing, boolean byAdmin) {
        LectureTerms lecture = standing.lecture();
        LocalDateTime now = LocalDateTime.now(clock);
        if (!lecture.takesRegistrations()) {
            throw new BusinessRuleException("registration.lectureNotOpen");
        }
        if (!byAdmin && !lecture.registrationOpenAt(now)) {
            throw new BusinessRuleException("registration.windowClosed");
        }
        if (!byAdmin && lecture.regionRestriction() != null
                && !RegionCodes.contains(lecture.regionRestriction(), standing.regionCode())) {
            throw new BusinessRuleException("registration.outsideRegion");
        }
        if (standing.status() != null && standing.status().isActive()) {
            throw new BusinessRuleException("registration.already");
        }
        if (standing.overlappingLectureId() != null) {
            throw new BusinessRuleException("registration.overlap",
                    catalog.get(standing.overlappingLectureId()).courseTitle());
        }
        // The event goes out first (its listeners write in this transaction: the mail notice, with the id drawn for
        // the row), then the claim locks the lecture row and the registration row is written under that lock: a
        // promotion reading the line never meets a registration still in the making, and the lock is held only for
        // the claim, this row and the commit. A new row and its claim are one statement.
        long registrationId = standing.idToUse();
        events.publishEvent(new RegistrationEvents.Recorded(registrationId, standing.traineeId(), lecture.id()));
        String county = countyOf(standing.regionCode());
        RegistrationStatus status;
        if (standing.registrationId() == null) {
            try {
                status = registrations.insertClaimingSeat(registrationId, lecture.id(), standing.traineeId(), county,
                        lecture.hasQuotaFor(county), byAdmin, now);
            } catch (DataIntegrityViolationException e) {
                throw new BusinessRuleException("registration.already"); // the same trainee clicked twice at once
            }
        } else {
            status = seats.claim(lecture.id(), county, lecture.hasQuotaFor(county)) == LectureSeats.Claim.CLAIMED
                    ? RegistrationStatus.REGISTERED : RegistrationStatus.WAITLISTED;
            if (!registrations.rejoin(registrationId, county, status, byAdmin, now)) {
                throw new BusinessRuleException("registration.already"); // rejoined a moment ago
            }
        }
        return new RegistrationOutcome(registrationId, status);
    }

    /** Quotas are per county: the first six digits of the trainee's village or township code. */
    static String countyOf(String regionCode) {
        return regionCode.substring(0, 6) + "000000";
    }
}
