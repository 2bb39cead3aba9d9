package cn.tzsw.college.portal;

import cn.tzsw.college.attendance.AttendanceFacts;
import cn.tzsw.college.attendance.AttendanceStatus;
import cn.tzsw.college.attendance.AttendanceWindows;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.CourseFormat;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.catalog.LectureStatus;
import cn.tzsw.college.catalog.OrganiserScope;
import cn.tzsw.college.certificates.IssuedCompletions;
import cn.tzsw.college.hours.BookedLectures;
import cn.tzsw.college.registration.RegistrationStatus;
import cn.tzsw.college.registration.RegistrationStatuses;
import cn.tzsw.college.shared.LectureAction;
import cn.tzsw.college.shared.LectureProgress;
import cn.tzsw.college.shared.LectureState;
import cn.tzsw.college.shared.LectureStates;
import cn.tzsw.college.shared.TraineeLecture;
import cn.tzsw.college.trainees.TraineeService;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place where a trainee's state on a lecture is decided. It combines what each owner publishes (the
 * registration, the attendance mark and watch, the hours booked, the completion certificate), so it lives in
 * portal, the capability that already depends on all four; their pages reach it as {@link LectureStates}.
 * One query per owner for a whole page of pairs, never one per row.
 */
@Service
@Transactional(readOnly = true)
public class LectureJourney implements LectureStates {

    private final RegistrationStatuses registrations;
    private final AttendanceFacts attendance;
    private final BookedLectures hours;
    private final IssuedCompletions certificates;
    private final TraineeService trainees;
    private final CatalogService catalog;
    private final OrganiserScope organisers;
    private final AttendanceWindows windows;
    private final Clock clock;

    LectureJourney(RegistrationStatuses registrations, AttendanceFacts attendance, BookedLectures hours,
                   IssuedCompletions certificates, TraineeService trainees, CatalogService catalog,
                   OrganiserScope organisers, AttendanceWindows windows, Clock clock) {
        this.registrations = registrations;
        this.attendance = attendance;
        this.hours = hours;
        this.certificates = certificates;
        this.trainees = trainees;
        this.catalog = catalog;
        this.organisers = organisers;
        this.windows = windows;
        this.clock = clock;
    }

    @Override
    @PreAuthorize("hasRole('TRAINEE')")
    public Map<Long, LectureProgress> mine(Collection<Long> lectureIds) {
        Long me = trainees.mine().map(t -> t.id()).orElse(null);
        if (me == null || lectureIds.isEmpty()) {
            return Map.of();
        }
        Map<TraineeLecture, AttendanceFacts.Standing> attended = attendance.among(List.of(me), lectureIds);
        Map<Long, LectureState> states = byKey(among(List.of(me), lectureIds, attended), TraineeLecture::lectureId);
        LocalDateTime now = LocalDateTime.now(clock);
        Map<Long, LectureProgress> result = new HashMap<>();
        for (LectureInfo lecture : catalog.findAll(states.keySet())) {
            LectureState state = states.get(lecture.id());
            AttendanceFacts.Standing standing = attended.get(new TraineeLecture(me, lecture.id()));
            result.put(lecture.id(), new LectureProgress(state,
                    action(lecture, state, standing != null && standing.started(), now, windows)));
        }
        return result;
    }

    @Override
    @PreAuthorize("hasRole('ADMIN')")
    public Map<Long, LectureState> ofLecture(long lectureId, Collection<Long> traineeIds) {
        organisers.requireManages(catalog.get(lectureId).organiserCode());
        return byKey(among(traineeIds, List.of(lectureId)), TraineeLecture::traineeId);
    }

    @Override
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public Map<Long, LectureState> ofTrainee(long traineeId, Collection<Long> lectureIds) {
        trainees.get(traineeId); // refuses a trainee outside the coordinator's region
        return byKey(among(List.of(traineeId), lectureIds), TraineeLecture::lectureId);
    }

    private Map<TraineeLecture, LectureState> among(Collection<Long> traineeIds, Collection<Long> lectureIds) {
        return traineeIds.isEmpty() || lectureIds.isEmpty() ? Map.of()
                : among(traineeIds, lectureIds, attendance.among(traineeIds, lectureIds));
    }

    private Map<TraineeLecture, LectureState> among(Collection<Long> traineeIds, Collection<Long> lectureIds,
                                                    Map<TraineeLecture, AttendanceFacts.Standing> attended) {
        Map<TraineeLecture, LectureState> states = new HashMap<>();
        Map<TraineeLecture, RegistrationStatus> registered = registrations.among(traineeIds, lectureIds);
        Set<TraineeLecture> booked = hours.among(traineeIds, lectureIds);
        Set<TraineeLecture> certified = certificates.among(traineeIds, lectureIds);
        Set<TraineeLecture> pairs = new HashSet<>(registered.keySet());
        pairs.addAll(attended.keySet());
        pairs.addAll(booked);
        pairs.addAll(certified);
        for (TraineeLecture pair : pairs) {
            LectureState state = decide(registered.get(pair), attended.get(pair), booked.contains(pair),
                    certified.contains(pair));
            if (state != null) {
                states.put(pair, state);
            }
        }
        return states;
    }

    /**
     * The rule: a certificate beats booked hours, which beat everything before them (a cancellation after the
     * lecture was completed does not undo it); a mark that attends is 已签到, an excused one 已请假 (leave was
     * granted: not the same as staying away), any other 缺勤; a watch begun is 观看中; else the registration speaks.
     * Null when nothing at all is known.
     */
    public static LectureState decide(RegistrationStatus registration, AttendanceFacts.Standing attendance,
                                      boolean hoursBooked, boolean certified) {
        AttendanceStatus mark = attendance == null ? null : attendance.mark();
        if (certified) {
            return LectureState.CERTIFIED;
        }
        if (hoursBooked || (attendance != null && attendance.watchCompleted())) {
            return LectureState.COMPLETED;
        }
        if (registration == RegistrationStatus.CANCELLED) {
            return LectureState.CANCELLED;
        }
        if (mark != null) {
            return mark.attended() ? LectureState.CHECKED_IN
                    : mark == AttendanceStatus.EXCUSED ? LectureState.EXCUSED : LectureState.ABSENT;
        }
        if (attendance != null && attendance.started()) {
            return LectureState.WATCHING;
        }
        if (registration == null) {
            return null;
        }
        return registration == RegistrationStatus.WAITLISTED ? LectureState.WAITLISTED : LectureState.REGISTERED;
    }

    /**
     * The action a lecture needs now: 签到 while an in-room lecture's check-in window is open, else 观看 / 继续观看
     * while the player would take the trainee; nothing for a place in line, a cancelled lecture, or once attended.
     */
    public static LectureAction action(LectureInfo lecture, LectureState state, boolean watchStarted,
                                       LocalDateTime now, AttendanceWindows windows) {
        if ((state != LectureState.REGISTERED && state != LectureState.WATCHING)
                || lecture.status() == LectureStatus.CANCELLED) {
            return null;
        }
        boolean inRoom = lecture.format() == CourseFormat.IN_PERSON || lecture.format() == CourseFormat.HYBRID;
        if (inRoom && windows.checkInOpen(lecture, now)) {
            return LectureAction.CHECK_IN;
        }
        if (windows.watchableNow(lecture, now)) {
            return watchStarted ? LectureAction.RESUME : LectureAction.WATCH;
        }
        return null;
    }

    private static Map<Long, LectureState> byKey(Map<TraineeLecture, LectureState> states,
                                                 Function<TraineeLecture, Long> key) {
        Map<Long, LectureState> result = new HashMap<>();
        states.forEach((pair, state) -> result.put(key.apply(pair), state));
        return result;
    }
}
