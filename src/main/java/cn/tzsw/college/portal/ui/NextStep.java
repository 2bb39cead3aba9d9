package cn.tzsw.college.portal.ui;

import cn.tzsw.college.attendance.MyAttendance;
import cn.tzsw.college.catalog.CourseFormat;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.registration.MyLecture;
import cn.tzsw.college.registration.RegistrationStatus;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * What a registered lecture needs from the trainee now, as the home page shows it: its state in words and the one
 * action that moves it on (签到 in the room, 观看 or 继续观看 the video), or none.
 *
 * @param stateKey  message key of the state
 * @param actionKey message key of the action, null when nothing is to be done now
 * @param href      where the action leads
 */
record NextStep(String stateKey, String actionKey, String href) {

    static NextStep of(MyLecture mine, MyAttendance.Standing standing, boolean hoursBooked, LocalDateTime now,
                       Duration checkInMargin) {
        LectureInfo lecture = mine.lecture();
        if (hoursBooked || standing.watchCompleted()) {
            return new NextStep("home.state.completed", null, null);
        }
        if (mine.status() == RegistrationStatus.WAITLISTED) {
            return new NextStep("home.state.waitlisted", null, null);
        }
        if (standing.mark() != null && standing.mark().attended()) {
            return new NextStep("home.state.checkedIn", null, null);
        }
        boolean inRoom = lecture.format() == CourseFormat.IN_PERSON || lecture.format() == CourseFormat.HYBRID;
        if (inRoom && !now.isBefore(lecture.startsAt().minus(checkInMargin))
                && now.isBefore(lecture.endsAt().plus(checkInMargin))) {
            return new NextStep("home.state.registered", "home.action.checkIn", "checkin?lecture=" + lecture.id());
        }
        if (watchableNow(lecture, now, checkInMargin)) {
            return standing.started()
                    ? new NextStep("home.state.watching", "home.action.resume", "watch/" + lecture.id())
                    : new NextStep("home.state.registered", "home.action.watch", "watch/" + lecture.id());
        }
        return new NextStep(now.isBefore(lecture.startsAt()) ? "home.state.upcoming" : "home.state.registered", null, null);
    }

    /** The same windows as the player: a recorded course during its lecture's dates, a live stream around its time. */
    private static boolean watchableNow(LectureInfo lecture, LocalDateTime now, Duration margin) {
        return switch (lecture.format()) {
            case RECORDED_VIDEO -> !now.isBefore(lecture.startsAt()) && now.isBefore(lecture.endsAt());
            case LIVE_STREAM -> !now.isBefore(lecture.startsAt().minus(margin)) && now.isBefore(lecture.endsAt());
            default -> lecture.videoUrl() != null && !now.isBefore(lecture.startsAt());
        };
    }

    /** Whether the lecture still waits for the trainee to watch it (a to-do). */
    boolean unwatched() {
        return "home.action.watch".equals(actionKey);
    }
}
