package cn.tzsw.college.attendance;

import cn.tzsw.college.catalog.LectureInfo;
import java.time.LocalDateTime;
import org.springframework.stereotype.Component;

/**
 * When a lecture can be attended: the check-in window around an in-room lecture, the time a live stream runs, the
 * dates a recorded course's lecture counts. Check-ins, the player and the pages that offer 签到 / 观看 ask here.
 */
@Component
public class AttendanceWindows {

    private final AttendanceProperties properties;

    public AttendanceWindows(AttendanceProperties properties) {
        this.properties = properties;
    }

    /** From the start less the margin until the end plus the margin. */
    public boolean checkInOpen(LectureInfo lecture, LocalDateTime now) {
        return !now.isBefore(lecture.startsAt().minus(properties.getCheckInMargin()))
                && !now.isAfter(lecture.endsAt().plus(properties.getCheckInMargin()));
    }

    /** A live stream plays from the start less the check-in margin until the end. */
    public boolean liveOpen(LectureInfo lecture, LocalDateTime now) {
        return !now.isBefore(lecture.startsAt().minus(properties.getCheckInMargin())) && now.isBefore(lecture.endsAt());
    }

    /** A recorded course's lecture counts from its start until its end. */
    public boolean recordingOpen(LectureInfo lecture, LocalDateTime now) {
        return !now.isBefore(lecture.startsAt()) && now.isBefore(lecture.endsAt());
    }

    /** Whether the player would take the trainee now: the window of the lecture's format, else from its start. */
    public boolean watchableNow(LectureInfo lecture, LocalDateTime now) {
        return switch (lecture.format()) {
            case RECORDED_VIDEO -> recordingOpen(lecture, now);
            case LIVE_STREAM -> liveOpen(lecture, now);
            default -> lecture.videoUrl() != null && !now.isBefore(lecture.startsAt());
        };
    }
}
