package cn.tzsw.college.registration;

import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.LectureEvents;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.catalog.LectureSeats;
import cn.tzsw.college.catalog.OrganiserScope;
import cn.tzsw.college.registration.domain.LectureTerms;
import cn.tzsw.college.registration.domain.Registration;
import cn.tzsw.college.registration.domain.RegistrationRepository;
import cn.tzsw.college.registration.enrolment.Enrolments;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.LikePatterns;
import cn.tzsw.college.trainees.TraineeRef;
import cn.tzsw.college.trainees.SignedInTrainee;
import cn.tzsw.college.trainees.TraineeService;
import cn.tzsw.college.trainees.TraineeSummary;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration for lectures: seats first come first served, a waitlist when full, promotion when a seat frees.
 * Every seat decision for a lecture happens while its row is locked (see {@link LectureSeats}), so the roster
 * never exceeds capacity and the line is served in order, whatever arrives at the same moment. Taking a place is
 * the measured hot path in {@link Enrolments}.
 */
@Service
@Transactional
public class RegistrationService {

    private static final int PROMOTION_BATCH = 50;
    /** Most registrations one bulk action takes: a roster page's worth, many times over. */
    private static final int BULK_LIMIT = 1_000;

    private final RegistrationRepository registrations;
    private final Enrolments enrolments;
    private final CatalogService catalog;
    private final LectureSeats seats;
    private final TraineeService trainees;
    private final SignedInTrainee signedIn;
    private final AuthenticatedUser authenticatedUser;
    private final OrganiserScope organisers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RegistrationService(RegistrationRepository registrations, Enrolments enrolments, CatalogService catalog,
                        LectureSeats seats, TraineeService trainees, SignedInTrainee signedIn,
                        AuthenticatedUser authenticatedUser, OrganiserScope organisers,
                        ApplicationEventPublisher events, Clock clock) {
        this.registrations = registrations;
        this.enrolments = enrolments;
        this.catalog = catalog;
        this.seats = seats;
        this.trainees = trainees;
        this.signedIn = signedIn;
        this.authenticatedUser = authenticatedUser;
        this.organisers = organisers;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The signed-in trainee registers: a seat if one is free, else a place in line. The role is checked without an
     * expression (the same check as {@code hasRole('TRAINEE')}; evaluating it was a tenth of the burst's time).
     */
    @RolesAllowed(Role.Names.TRAINEE)
    public RegistrationOutcome register(long lectureId) {
        return enrolments.byTrainee(authenticatedUser.require().accountId(), lectureId);
    }

    /** The signed-in trainee cancels, before the lecture's cancellation deadline. */
    @PreAuthorize("hasRole('TRAINEE')")
    public void cancel(long lectureId) {
        LectureTerms lecture = terms(lectureId);
        if (now().isAfter(lecture.cancellationDeadline())) {
            throw new BusinessRuleException("registration.cancelDeadlinePassed");
        }
        long registrationId = registrations.findByLectureIdAndTraineeId(lectureId, me().id())
                .orElseThrow(() -> new BusinessRuleException("registration.notRegistered")).getId();
        withdraw(registrationId, lecture);
    }

    @PreAuthorize("hasRole('TRAINEE')")
    @Transactional(readOnly = true)
    public List<MyLecture> myLectures() {
        Map<Long, Registration> mine = registrations.findByTraineeIdAndStatusIn(me().id(), RegistrationStatus.ACTIVE)
                .stream()
                .collect(Collectors.toMap(Registration::getLectureId, Function.identity()));
        return catalog.findAll(mine.keySet()).stream()
                .map(lecture -> toMyLecture(mine.get(lecture.id()), lecture))
                .sorted(Comparator.comparing(m -> m.lecture().startsAt()))
                .toList();
    }

    /**
     * Every registration of a trainee (cancelled ones too), newest lecture first, for the trainee's detail page:
     * administrators, and coordinators inside their subtree.
     */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional(readOnly = true)
    public List<MyLecture> ofTrainee(long traineeId) {
        trainees.get(traineeId); // in scope, or the same refusal as for a missing trainee
        Map<Long, Registration> all = registrations.findByTraineeIdAndStatusIn(traineeId,
                        EnumSet.allOf(RegistrationStatus.class)).stream()
                .collect(Collectors.toMap(Registration::getLectureId, Function.identity()));
        return catalog.findAll(all.keySet()).stream()
                .map(lecture -> toMyLecture(all.get(lecture.id()), lecture))
                .sorted(Comparator.comparing((MyLecture m) -> m.lecture().startsAt()).reversed())
                .toList();
    }

    /** The signed-in trainee's place on one lecture, if any. */
    @PreAuthorize("hasRole('TRAINEE')")
    @Transactional(readOnly = true)
    public java.util.Optional<MyLecture> myRegistration(long lectureId) {
        return registrations.findByLectureIdAndTraineeId(lectureId, me().id()).filter(Registration::isActive)
                .map(r -> toMyLecture(r, catalog.get(lectureId)));
    }

    /**
     * Whether the signed-in trainee holds a seat on the lecture, read under the registration's row lock: a
     * cancellation at the same moment waits for the caller's transaction, or the caller sees it. For decisions
     * that must not follow a cancelled registration (e.g. booking a watched lecture's completion).
     */
    @PreAuthorize("hasRole('TRAINEE')")
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean holdsMySeat(long lectureId) {
        return registrations.findLockedByLectureIdAndTraineeId(lectureId, me().id())
                .filter(r -> r.getStatus() == RegistrationStatus.REGISTERED).isPresent();
    }

    /** An administrator adds a trainee by hand: the registration window does not apply, seats still do. */
    @PreAuthorize("hasRole('ADMIN')")
    public RegistrationOutcome addByAdmin(long lectureId, long traineeId) {
        return enrolments.byAdmin(trainees.get(traineeId).id(), lectureId); // the trainee in scope, or refused
    }

    /** An administrator removes a registration; a freed seat goes to the first in line. */
    @PreAuthorize("hasRole('ADMIN')")
    public void removeByAdmin(long registrationId) {
        Registration registration = registrations.findById(registrationId)
                .orElseThrow(() -> new BusinessRuleException("registration.notRegistered"));
        withdraw(registrationId, managedLecture(registration.getLectureId()));
    }

    /**
     * One page of a managed lecture's roster in these statuses, narrowed by what the administrator typed: part of a
     * name, or the end of a mobile or ID number (the digits the masked columns show); blank for everyone.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Page<RosterEntry> roster(long lectureId, Set<RegistrationStatus> statuses, String search,
                                    Pageable pageable) {
        managedLecture(lectureId);
        String typed = search == null ? "" : search.strip().toUpperCase(Locale.ROOT);
        if (typed.length() > 40 || statuses.isEmpty()) {
            return Page.empty(pageable);
        }
        Page<Registration> page = registrations.findOnRoster(lectureId,
                statuses.stream().map(RegistrationStatus::name).toList(), LikePatterns.containing(typed),
                "%" + LikePatterns.escape(typed), PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()));
        return new PageImpl<>(toRoster(page.getContent()), pageable, page.getTotalElements());
    }

    /** The chosen lines of a managed lecture's roster, in roster order (导出所选: the administrator's selection). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<RosterEntry> rosterEntries(long lectureId, Collection<Long> registrationIds) {
        managedLecture(lectureId);
        return toRoster(onLecture(lectureId, registrationIds).stream()
                .sorted(Comparator.comparing(Registration::getStatus).thenComparing(Registration::getQueuedAt)
                        .thenComparing(Registration::getId))
                .toList());
    }

    /**
     * An administrator removes several registrations of one lecture at once, all or none: the line first (so no one
     * chosen is promoted on the way out), then the seat holders, each freed seat going to the first in line who
     * stays. Registrations cancelled meanwhile are passed over. Returns how many were removed.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public int removeAllByAdmin(long lectureId, Collection<Long> registrationIds) {
        LectureTerms lecture = managedLecture(lectureId);
        List<Registration> chosen = onLecture(lectureId, registrationIds).stream()
                .sorted(Comparator.comparing((Registration r) -> r.getStatus() != RegistrationStatus.WAITLISTED)
                        .thenComparing(Registration::getQueuedAt, Comparator.reverseOrder()))
                .toList();
        int removed = 0;
        for (Registration registration : chosen) {
            if (withdrawIfActive(registration.getId(), lecture)) {
                removed++;
            }
        }
        return removed;
    }

    /** The trainees on a managed lecture's roster or in its line (the roster's 添加学员 offers only others). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<Long> rosterTraineeIds(long lectureId) {
        managedLecture(lectureId);
        return registrations.traineeIds(lectureId, RegistrationStatus.ACTIVE);
    }

    /** The whole roster (seat holders, then the line, then cancellations) for export. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<RosterEntry> fullRoster(long lectureId) {
        managedLecture(lectureId);
        return toRoster(registrations.findByLectureIdAndStatusInOrderByQueuedAtAscIdAsc(lectureId,
                EnumSet.allOf(RegistrationStatus.class)).stream()
                .sorted(Comparator.comparing(Registration::getStatus)).toList());
    }

    /** More capacity: the line moves up, in order, as far as the new seats (and county quotas) allow. */
    @EventListener
    void onSeatsAdded(LectureEvents.SeatsAdded event) {
        LectureTerms lecture = terms(event.lectureId());
        seats.lock(lecture.id());
        promote(lecture, Integer.MAX_VALUE);
    }

    /** Less capacity than seats taken: the latest registrations go back to the front of the line. */
    @EventListener
    void onOverbooked(LectureEvents.Overbooked event) {
        LectureTerms lecture = terms(event.lectureId());
        seats.lock(lecture.id());
        for (Registration latest : registrations.findByLectureIdAndStatusOrderByQueuedAtDescIdDesc(lecture.id(),
                RegistrationStatus.REGISTERED, Limit.of(event.excess()))) {
            registrations.changeStatus(latest.getId(), RegistrationStatus.WAITLISTED, now());
            seats.release(lecture.id(), latest.getCountyCode(), lecture.hasQuotaFor(latest.getCountyCode()));
        }
    }

    private void withdraw(long registrationId, LectureTerms lecture) {
        if (!withdrawIfActive(registrationId, lecture)) {
            throw new BusinessRuleException("registration.notRegistered");
        }
    }

    /**
     * Locks the lecture, then the registration (the order every seat decision takes), and gives the place up;
     * false when there was no place to give up.
     */
    private boolean withdrawIfActive(long registrationId, LectureTerms lecture) {
        seats.lock(lecture.id());
        Registration registration = registrations.lockById(registrationId).filter(Registration::isActive)
                .orElse(null);
        if (registration == null) {
            return false;
        }
        boolean heldSeat = registration.getStatus() == RegistrationStatus.REGISTERED;
        registrations.changeStatus(registrationId, RegistrationStatus.CANCELLED, now());
        events.publishEvent(new RegistrationEvents.Withdrawn(registrationId, registration.getTraineeId(),
                lecture.id()));
        if (heldSeat) {
            seats.release(lecture.id(), registration.getCountyCode(), lecture.hasQuotaFor(registration.getCountyCode()));
            promote(lecture, 1);
        }
        return true;
    }

    /** The registrations with these ids, refused as a whole if one of them belongs to another lecture. */
    private List<Registration> onLecture(long lectureId, Collection<Long> registrationIds) {
        if (registrationIds.size() > BULK_LIMIT) {
            throw new BusinessRuleException("roster.bulk.tooMany", BULK_LIMIT);
        }
        List<Registration> found = registrations.findAllById(registrationIds);
        if (found.stream().anyMatch(r -> r.getLectureId() != lectureId)) {
            throw new BusinessRuleException("registration.notRegistered");
        }
        return found;
    }

    /** Gives up to {@code limit} free seats to the line in order; a trainee whose county quota is full waits on. */
    private void promote(LectureTerms lecture, int limit) {
        int promoted = 0;
        int skipped = 0;
        while (promoted < limit) {
            List<Registration> line = registrations.findByLectureIdAndStatusOrderByQueuedAtAscIdAsc(lecture.id(),
                    RegistrationStatus.WAITLISTED, Limit.of(skipped + PROMOTION_BATCH));
            List<Registration> candidates = line.subList(Math.min(skipped, line.size()), line.size());
            if (candidates.isEmpty()) {
                return;
            }
            for (Registration next : candidates) {
                LectureSeats.Claim claim = seats.claim(lecture.id(), next.getCountyCode(),
                        lecture.hasQuotaFor(next.getCountyCode()));
                if (claim == LectureSeats.Claim.LECTURE_FULL) {
                    return;
                }
                if (claim == LectureSeats.Claim.QUOTA_FULL) {
                    skipped++;
                    continue;
                }
                registrations.changeStatus(next.getId(), RegistrationStatus.REGISTERED, now());
                events.publishEvent(new RegistrationEvents.Promoted(next.getId(), next.getTraineeId(), lecture.id()));
                if (++promoted == limit) {
                    return;
                }
            }
            if (candidates.size() < PROMOTION_BATCH) {
                return;
            }
        }
    }

    private LectureTerms managedLecture(long lectureId) {
        LectureTerms lecture = terms(lectureId);
        organisers.requireManages(lecture.organiserCode());
        return lecture;
    }

    private LectureTerms terms(long lectureId) {
        return registrations.terms(lectureId).orElseThrow(() -> new BusinessRuleException("lecture.unknown", lectureId));
    }

    private List<RosterEntry> toRoster(List<Registration> page) {
        Map<Long, TraineeSummary> people = trainees.summaries(page.stream().map(Registration::getTraineeId).toList());
        return page.stream().filter(r -> people.containsKey(r.getTraineeId())).map(r -> {
            TraineeSummary t = people.get(r.getTraineeId());
            return new RosterEntry(r.getId(), t.id(), t.name(), t.maskedPhone(), t.maskedIdNumber(), t.workUnit(),
                    t.regionCode(), r.getStatus(), r.getQueuedAt(), r.isByAdmin());
        }).toList();
    }

    private MyLecture toMyLecture(Registration registration, LectureInfo lecture) {
        long position = registration.getStatus() == RegistrationStatus.WAITLISTED ? positionOf(registration) : 0;
        return new MyLecture(registration.getId(), registration.getStatus(), position, lecture);
    }

    private long positionOf(Registration registration) {
        return registrations.countAhead(registration.getLectureId(), registration.getQueuedAt(), registration.getId()) + 1;
    }

    private TraineeRef me() {
        return signedIn.ref().orElseThrow(() -> new AccessDeniedException("no trainee profile"));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
