package cn.tzsw.college.attendance.heartbeat;

import cn.tzsw.college.attendance.LectureMedia;
import cn.tzsw.college.catalog.CourseFormat;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.shared.BusinessRuleException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.springframework.stereotype.Component;

/** Which video a lecture's player shows, how long it counts, and when watching it earns credit. */
@Component
class VideoSources {

    /** Where a lecture's video comes from and how long it counts. */
    record Medium(String source, boolean live, double lengthSeconds) {
    }

    /** When credit counts (null: no bound). */
    record Window(Instant opensAt, Instant closesAt) {
    }

    private final Clock clock;

    VideoSources(Clock clock) {
        this.clock = clock;
    }

    /**
     * A live or hybrid lecture's stream until it ends; then an uploaded video, a video link given to attendance,
     * or the catalogue's video link, in that order.
     */
    Medium medium(LectureInfo lecture, LectureMedia media) {
        double scheduled = Duration.between(lecture.startsAt(), lecture.endsAt()).toSeconds();
        boolean liveFormat = lecture.format() == CourseFormat.LIVE_STREAM || lecture.format() == CourseFormat.HYBRID;
        if (liveFormat && lecture.streamUrl() != null && !LocalDateTime.now(clock).isAfter(lecture.endsAt())) {
            return new Medium(lecture.streamUrl(), true, scheduled);
        }
        if (media.hasUploadedVideo()) {
            return new Medium("/media/lectures/" + lecture.id() + "/video", false, media.videoSeconds());
        }
        if (media.videoUrl() != null) {
            return new Medium(media.videoUrl(), false, media.videoSeconds());
        }
        if (lecture.videoUrl() != null) {
            return new Medium(lecture.videoUrl(), false, scheduled);
        }
        throw new BusinessRuleException("attendance.video.none");
    }

    /** A recorded-video course's lecture counts from its start to its end; everything else any time. */
    Window window(LectureInfo lecture, boolean live) {
        if (live || lecture.format() != CourseFormat.RECORDED_VIDEO) {
            return new Window(null, null);
        }
        return new Window(instant(lecture.startsAt()), instant(lecture.endsAt()));
    }

    Instant instant(LocalDateTime stored) {
        return stored.atZone(clock.getZone()).toInstant();
    }
}
