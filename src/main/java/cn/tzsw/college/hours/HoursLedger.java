package cn.tzsw.college.hours;

import cn.tzsw.college.attendance.AttendanceEvents;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.hours.domain.HoursEntryRepository;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.trainees.TraineeDetails;
import cn.tzsw.college.trainees.TraineeService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hours ledger: one entry per completed lecture (never two, whatever arrives twice or at once) plus hours
 * earned outside the platform, and each trainee's standing against the continuing-education requirement.
 */
@Service
@Transactional(readOnly = true)
public class HoursLedger {

    private final HoursEntryRepository ledger;
    private final CatalogService catalog;
    private final TraineeService trainees;
    private final AuthenticatedUser authenticatedUser;
    private final ContinuingEducationProperties rule;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HoursLedger(HoursEntryRepository ledger, CatalogService catalog, TraineeService trainees,
                AuthenticatedUser authenticatedUser, ContinuingEducationProperties rule,
                ApplicationEventPublisher events, Clock clock) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.trainees = trainees;
        this.authenticatedUser = authenticatedUser;
        this.rule = rule;
        this.events = events;
        this.clock = clock;
    }

    /**
     * In the completing transaction: a completion and its hours commit together, so nobody is told a lecture
     * counts before its hours do, and a booking that fails leaves the completion to be tried again. The event
     * carries the course's facts, so the booking needs nobody's rights: it is recorded as the completing user's
     * (or the system's).
     */
    @EventListener
    void onLectureCompleted(AttendanceEvents.LectureCompleted event) {
        book(event.traineeId(), event.lectureId(), event.courseId(), event.courseTitle(), event.creditHours(),
                HoursSource.of(event.method()), event.completedOn());
    }

    /**
     * Books the course's credit hours for a completed lecture, by hand. Returns the new entry's id, or empty when
     * the lecture was booked for this trainee before (the unique key decides, so concurrent calls book once).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Optional<Long> bookLecture(long traineeId, long lectureId, HoursSource source, LocalDate earnedOn) {
        LectureInfo lecture = catalog.get(lectureId);
        return book(traineeId, lectureId, lecture.courseId(), lecture.courseTitle(), lecture.creditHours(), source,
                earnedOn);
    }

    /**
     * Records lectures completed before they reached the ledger (a college bringing in its earlier sessions, the
     * demo's history) in one transaction: one commit and a few events instead of a transaction, two event
     * publications and a mail per entry. A lecture already booked for the trainee is left as it is. Each new entry
     * earns its completion certificate; the holders are not told ({@link HoursEvents.PastLecturesRecorded}).
     * Returns how many entries were new.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int recordPastLectures(List<PastLecture> completed) {
        LocalDate today = LocalDate.now(clock);
        LocalDateTime now = LocalDateTime.now(clock);
        String actor = authenticatedUser.actorName();
        Map<Long, LectureInfo> lectures = new HashMap<>();
        List<Long> recorded = new ArrayList<>();
        for (PastLecture past : completed) {
            if (past.earnedOn().isAfter(today)) {
                throw new IllegalArgumentException("a past lecture cannot be earned after today: " + past);
            }
            LectureInfo lecture = lectures.computeIfAbsent(past.lectureId(), catalog::get);
            insert(past.traineeId(), past.lectureId(), lecture.courseId(), lecture.courseTitle(),
                    lecture.creditHours(), past.source(), past.earnedOn(), now, actor).ifPresent(recorded::add);
        }
        for (int from = 0; from < recorded.size(); from += HoursEvents.PastLecturesRecorded.MAX_PAST_ENTRIES) {
            List<Long> ids = recorded.subList(from,
                    Math.min(recorded.size(), from + HoursEvents.PastLecturesRecorded.MAX_PAST_ENTRIES));
            events.publishEvent(new HoursEvents.PastLecturesRecorded(List.copyOf(ids)));
        }
        return recorded.size();
    }

    private Optional<Long> book(long traineeId, long lectureId, long courseId, String title, BigDecimal hours,
                                HoursSource source, LocalDate earnedOn) {
        Optional<Long> id = insert(traineeId, lectureId, courseId, title, hours, source, earnedOn,
                LocalDateTime.now(clock), authenticatedUser.actorName());
        id.ifPresent(entry -> events.publishEvent(
                new HoursEvents.LectureHoursBooked(entry, traineeId, lectureId, courseId, title, hours, earnedOn)));
        return id;
    }

    private Optional<Long> insert(long traineeId, long lectureId, long courseId, String title, BigDecimal hours,
                                  HoursSource source, LocalDate earnedOn, LocalDateTime recordedAt, String actor) {
        if (source.external()) {
            throw new IllegalArgumentException("lecture hours need a lecture attendance method");
        }
        return ledger.insertLecture(traineeId, lectureId, courseId, title, source, hours, earnedOn, recordedAt, actor);
    }

    /** The signed-in trainee's standing in the current period. */
    @PreAuthorize("hasRole('TRAINEE')")
    public Optional<Progress> myProgress() {
        return trainees.mine().map(this::progress);
    }

    /** A trainee's standing, for administrators and for coordinators inside their subtree. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public Progress progressOf(long traineeId) {
        return progress(trainees.get(traineeId));
    }

    /**
     * Ledger entries earned in [from, to], for the trainee themself, administrators, and coordinators inside
     * their subtree (e.g. for an hours record).
     */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR','TRAINEE')")
    public List<HoursEntry> entries(long traineeId, LocalDate from, LocalDate to) {
        requireReadable(traineeId);
        return ledger.between(traineeId, from, to);
    }

    /**
     * Completions booked for a lecture (or, with {@code byCourse}, any lecture of a course) in entry order,
     * {@code limit} at a time after {@code afterEntryId}: e.g. for issuing certificates in bulk. No role check: its
     * caller is the bulk issue worker, which works without a signed-in user; no view calls it.
     */
    public List<HoursEntry> completions(boolean byCourse, long id, long afterEntryId, int limit) {
        return ledger.completions(byCourse, id, afterEntryId, limit);
    }

    /**
     * The lecture entries with these ids, e.g. those a {@link HoursEvents.PastLecturesRecorded} names. No role
     * check: its caller is the certificates' listener, which works without a signed-in user; no view calls it.
     */
    public List<HoursEntry> lectureEntries(List<Long> entryIds) {
        return entryIds.isEmpty() ? List.of() : ledger.lectureEntries(entryIds);
    }

    /** How many completions {@link #completions} walks through. */
    @PreAuthorize("hasRole('ADMIN')")
    public int countCompletions(boolean byCourse, long id) {
        return ledger.countCompletions(byCourse, id);
    }

    private void requireReadable(long traineeId) {
        if (authenticatedUser.require().role() == Role.TRAINEE) {
            boolean own = trainees.mine().map(me -> me.id() == traineeId).orElse(false);
            if (!own) {
                throw new AccessDeniedException("not the caller's ledger");
            }
        } else {
            trainees.get(traineeId);
        }
    }

    private Progress progress(TraineeDetails trainee) {
        LocalDate today = LocalDate.now(clock);
        if (!trainee.certificateLevel().certified() || trainee.periodStart() == null) {
            List<HoursEntry> all = ledger.between(trainee.id(), LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31));
            return new Progress(trainee.id(), trainee.name(), trainee.certificateLevel(), null, BigDecimal.ZERO,
                    sum(all), 0, rule.getRuleSource(), all);
        }
        RegistrationPeriod period = RegistrationPeriod.current(trainee.periodStart(), today, rule.getPeriodYears());
        List<HoursEntry> entries = ledger.between(trainee.id(), period.start(), period.end());
        return new Progress(trainee.id(), trainee.name(), trainee.certificateLevel(), period,
                rule.required(trainee.certificateLevel()), sum(entries), period.daysLeft(today),
                rule.getRuleSource(), entries);
    }

    private static BigDecimal sum(List<HoursEntry> entries) {
        return entries.stream().map(HoursEntry::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
