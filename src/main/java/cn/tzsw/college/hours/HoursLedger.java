package cn.tzsw.college.hours;

import cn.tzsw.college.attendance.AttendanceEvents;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.security.SystemTasks;
import cn.tzsw.college.trainees.TraineeDetails;
import cn.tzsw.college.trainees.TraineeService;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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

    private final JdbcClient jdbc;
    private final CatalogService catalog;
    private final TraineeService trainees;
    private final AuthenticatedUser authenticatedUser;
    private final ContinuingEducationProperties rule;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HoursLedger(JdbcClient jdbc, CatalogService catalog, TraineeService trainees, AuthenticatedUser authenticatedUser,
                ContinuingEducationProperties rule, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.trainees = trainees;
        this.authenticatedUser = authenticatedUser;
        this.rule = rule;
        this.events = events;
        this.clock = clock;
    }

    /**
     * In the completing transaction: a completion and its hours commit together, so nobody is told a lecture
     * counts before its hours do, and a booking that fails leaves the completion to be tried again.
     */
    @EventListener
    void onLectureCompleted(AttendanceEvents.LectureCompleted event) {
        SystemTasks.runAsSystem(() -> bookLecture(event.traineeId(), event.lectureId(),
                HoursSource.of(event.method()), event.completedOn()));
    }

    /**
     * Books the course's credit hours for a completed lecture. Returns the new entry's id, or empty when the
     * lecture was booked for this trainee before (the unique key decides, so concurrent calls book once).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Optional<Long> bookLecture(long traineeId, long lectureId, HoursSource source, LocalDate earnedOn) {
        if (source.external()) {
            throw new IllegalArgumentException("lecture hours need a lecture attendance method");
        }
        LectureInfo lecture = catalog.get(lectureId);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                        INSERT IGNORE INTO hours_entry
                          (trainee_id, lecture_id, course_id, title, source, hours, earned_on, recorded_at, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(traineeId, lectureId, lecture.courseId(), lecture.courseTitle(), source.name(),
                        lecture.creditHours(), earnedOn, LocalDateTime.now(clock),
                        authenticatedUser.require().username())
                .update(key, "id");
        if (inserted == 0) {
            return Optional.empty();
        }
        long id = key.getKey().longValue();
        events.publishEvent(new HoursEvents.LectureHoursBooked(id, traineeId, lectureId, lecture.courseId(),
                lecture.courseTitle(), lecture.creditHours(), earnedOn));
        return Optional.of(id);
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
        return entriesBetween(traineeId, from, to);
    }

    /**
     * Completions booked for a lecture (or, with {@code byCourse}, any lecture of a course) in entry order,
     * {@code limit} at a time after {@code afterEntryId}: e.g. for issuing certificates in bulk. No role check: its
     * caller is the bulk issue worker, which works without a signed-in user; no view calls it.
     */
    public List<HoursEntry> completions(boolean byCourse, long id, long afterEntryId, int limit) {
        return jdbc.sql("""
                        SELECT id, trainee_id, lecture_id, course_id, title, source, hours, earned_on, recorded_at, note
                        FROM hours_entry WHERE %s = ? AND lecture_id IS NOT NULL AND id > ?
                        ORDER BY id LIMIT ?""".formatted(byCourse ? "course_id" : "lecture_id"))
                .params(id, afterEntryId, limit)
                .query(HoursLedger::entry)
                .list();
    }

    /** How many completions {@link #completions} walks through. */
    @PreAuthorize("hasRole('ADMIN')")
    public int countCompletions(boolean byCourse, long id) {
        return jdbc.sql("SELECT COUNT(*) FROM hours_entry WHERE %s = ? AND lecture_id IS NOT NULL"
                        .formatted(byCourse ? "course_id" : "lecture_id"))
                .param(id).query(Integer.class).single();
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
            List<HoursEntry> all = entriesBetween(trainee.id(), LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31));
            return new Progress(trainee.id(), trainee.name(), trainee.certificateLevel(), null, BigDecimal.ZERO,
                    sum(all), 0, rule.getRuleSource(), all);
        }
        RegistrationPeriod period = RegistrationPeriod.current(trainee.periodStart(), today, rule.getPeriodYears());
        List<HoursEntry> entries = entriesBetween(trainee.id(), period.start(), period.end());
        return new Progress(trainee.id(), trainee.name(), trainee.certificateLevel(), period,
                rule.required(trainee.certificateLevel()), sum(entries), period.daysLeft(today),
                rule.getRuleSource(), entries);
    }

    private static BigDecimal sum(List<HoursEntry> entries) {
        return entries.stream().map(HoursEntry::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private List<HoursEntry> entriesBetween(long traineeId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT id, trainee_id, lecture_id, course_id, title, source, hours, earned_on, recorded_at, note
                        FROM hours_entry WHERE trainee_id = ? AND earned_on BETWEEN ? AND ?
                        ORDER BY earned_on, id""")
                .params(traineeId, from, to)
                .query(HoursLedger::entry)
                .list();
    }

    private static HoursEntry entry(ResultSet rs, int row) throws SQLException {
        return new HoursEntry(rs.getLong("id"), rs.getLong("trainee_id"), rs.getObject("lecture_id", Long.class),
                rs.getObject("course_id", Long.class), rs.getString("title"), HoursSource.valueOf(rs.getString("source")),
                rs.getBigDecimal("hours"), rs.getObject("earned_on", LocalDate.class),
                rs.getObject("recorded_at", LocalDateTime.class), rs.getString("note"));
    }
}
