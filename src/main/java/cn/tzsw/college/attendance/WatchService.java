package cn.tzsw.college.attendance;

import cn.tzsw.college.attendance.domain.Beat;
import cn.tzsw.college.attendance.domain.Intervals;
import cn.tzsw.college.attendance.domain.PlaybackState;
import cn.tzsw.college.attendance.domain.WatchState;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.CourseFormat;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.registration.MyLecture;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.registration.RegistrationStatus;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.trainees.TraineeDetails;
import cn.tzsw.college.trainees.TraineeService;
import jakarta.annotation.security.RolesAllowed;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Video watching, credited only for real watching (see {@link PlaybackState} for the rules). A trainee's
 * watching of a lecture lives in memory while they watch and is stored with every acknowledged heartbeat
 * through {@link HeartbeatWriter}; after a restart it is read back on the next heartbeat. One instance serves a
 * lecture's players (several instances need sticky sessions).
 */
@Service
public class WatchService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration IDLE = Duration.ofMinutes(30);

    /** The token names no playback (never issued, or mistyped). */
    public static class UnknownPlaybackException extends RuntimeException {
        UnknownPlaybackException() {
            super("unknown playback");
        }
    }

    /** The same trainee started the lecture in another player; this one earns nothing more. */
    public static class SupersededException extends RuntimeException {
        SupersededException() {
            super("playing elsewhere");
        }
    }

    private record WatchKey(long traineeId, long lectureId) {
    }

    private final Map<String, PlaybackState> playbacks = new ConcurrentHashMap<>();
    private final Map<WatchKey, WatchState> watches = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final CatalogService catalog;
    private final RegistrationService registrations;
    private final TraineeService trainees;
    private final LectureSetup setup;
    private final AuthenticatedUser authenticatedUser;
    private final HeartbeatWriter writer;
    private final WatchCompletions completions;
    private final AttendanceProperties properties;
    private final PlaybackState.CreditRules rules;
    private final Clock clock;

    WatchService(JdbcClient jdbc, CatalogService catalog, RegistrationService registrations, TraineeService trainees,
                 LectureSetup setup, AuthenticatedUser authenticatedUser, HeartbeatWriter writer,
                 WatchCompletions completions, AttendanceProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.registrations = registrations;
        this.trainees = trainees;
        this.setup = setup;
        this.authenticatedUser = authenticatedUser;
        this.writer = writer;
        this.completions = completions;
        this.properties = properties;
        AttendanceProperties.Video video = properties.getVideo();
        this.rules = new PlaybackState.CreditRules(video.getMaxRate(), video.getPresenceInterval(),
                video.getPresenceGrace(), clock.getZone());
        this.clock = clock;
    }

    /**
     * The signed-in trainee starts watching: a new token, which takes over from any other player of theirs for
     * this lecture. Recorded lectures any time; live ones during the scheduled time.
     */
    @PreAuthorize("hasRole('TRAINEE')")
    public PlaybackStart start(long lectureId) {
        TraineeDetails me = trainees.mine().orElseThrow(() -> new AccessDeniedException("not a trainee"));
        LectureInfo lecture = catalog.get(lectureId);
        boolean registered = registrations.myRegistration(lectureId).map(MyLecture::status)
                .filter(s -> s == RegistrationStatus.REGISTERED).isPresent();
        if (!registered && !setup.walkInsAllowed(lectureId)) {
            throw new BusinessRuleException("attendance.notRegistered");
        }
        Medium medium = medium(lecture, setup.media(lectureId));
        LocalDateTime now = LocalDateTime.now(clock);
        if (medium.live() && (now.isBefore(lecture.startsAt().minus(properties.getCheckInMargin()))
                || !now.isBefore(lecture.endsAt()))) {
            throw new BusinessRuleException("attendance.live.notNow");
        }
        WatchState watch = watch(me.id(), lecture, medium);
        String token = newToken();
        Instant started = clock.instant();
        Duration presence = properties.getVideo().getPresenceInterval();
        PlaybackState playback;
        CompletableFuture<Void> stored;
        synchronized (watch) {
            watch.handTo(token);
            playback = new PlaybackState(token, authenticatedUser.require().accountId(), watch, started, 0,
                    presence.isZero() ? null : started.plus(presence));
            stored = writer.enqueue(new HeartbeatWriter.PlaybackRow(token, playback.accountId(), me.id(), lectureId,
                    started), row(playback));
        }
        HeartbeatWriter.await(stored);
        playbacks.put(token, playback);
        return new PlaybackStart(token, lectureId, lecture.courseTitle(), medium.source(), medium.live(),
                medium.source().contains(".m3u8"), medium.live() ? 0 : watch.lastPosition(),
                (int) properties.getVideo().getHeartbeatInterval().toSeconds(), watch.creditedSeconds(),
                watch.lengthSeconds(), properties.getVideo().getCompletionThreshold(), watch.completed());
    }

    /**
     * A heartbeat of the signed-in trainee's player. Answered only once its effect is stored. Unknown tokens,
     * another user's token and a superseded player are refused with nothing changed.
     */
    @RolesAllowed(Role.Names.TRAINEE) // no SpEL: on the heartbeat path @PreAuthorize's evaluation cost 9 % of the samples
    public HeartbeatReply beat(String token, Beat beat) {
        PlaybackState playback = playback(token);
        WatchState watch = playback.watch();
        Instant now = clock.instant();
        HeartbeatReply reply;
        boolean completedNow;
        CompletableFuture<Void> stored;
        synchronized (watch) {
            if (playback.beat(beat, now, rules) == PlaybackState.Outcome.SUPERSEDED) {
                throw new SupersededException();
            }
            completedNow = watch.completeIfReached(properties.getVideo().getCompletionThreshold());
            stored = writer.enqueue(row(playback));
            reply = new HeartbeatReply(beat.seq(), watch.creditedSeconds(), watch.lengthSeconds(),
                    properties.getVideo().getCompletionThreshold(), watch.completed(), playback.presenceDue(now));
        }
        HeartbeatWriter.await(stored);
        if (completedNow) {
            completions.complete(watch.traineeId(), watch.lectureId(),
                    watch.live() ? AttendanceMethod.LIVE_STREAM : AttendanceMethod.VIDEO);
        }
        return reply;
    }

    /** The viewer answered the presence prompt ("我在认真观看"); a superseded player is refused. */
    @PreAuthorize("hasRole('TRAINEE')")
    public void confirmPresence(String token) {
        PlaybackState playback = playback(token);
        CompletableFuture<Void> stored;
        synchronized (playback.watch()) {
            if (!playback.current()) {
                throw new SupersededException();
            }
            playback.confirmPresence(clock.instant(), rules);
            stored = writer.enqueue(row(playback));
        }
        HeartbeatWriter.await(stored);
    }

    /** Forgets players idle for half an hour; their state is stored, and read back if they come again. */
    @Scheduled(fixedDelay = 300_000)
    void forgetIdle() {
        Instant cutoff = clock.instant().minus(IDLE);
        playbacks.values().removeIf(p -> p.lastBeatAt().isBefore(cutoff));
        watches.values().removeIf(w -> playbacks.values().stream().noneMatch(p -> p.watch() == w));
    }

    private PlaybackState playback(String token) {
        PlaybackState playback = playbacks.get(token);
        if (playback == null) {
            playback = load(token).orElseThrow(UnknownPlaybackException::new);
        }
        if (playback.accountId() != authenticatedUser.require().accountId()) {
            throw new AccessDeniedException("another user's playback");
        }
        return playback;
    }

    /**
     * A playback stored before a restart (or forgotten while idle). Its last heartbeat is stored with its watch
     * while it is the watch's current player; a superseded one earns nothing, so it starts from when it started.
     */
    private Optional<PlaybackState> load(String token) {
        if (token == null || token.length() > 32) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT p.account_id, p.trainee_id, p.lecture_id, p.started_at, w.beat_seq, w.beat_at,
                               w.presence_due_at
                        FROM playback p LEFT JOIN watch_progress w ON w.trainee_id = p.trainee_id
                          AND w.lecture_id = p.lecture_id AND w.current_token = p.token
                        WHERE p.token = ?""").param(token)
                .query((rs, n) -> {
                    LectureInfo lecture = catalog.get(rs.getLong("lecture_id"));
                    WatchState watch = watch(rs.getLong("trainee_id"), lecture,
                            medium(lecture, setup.media(lecture.id())));
                    LocalDateTime beatAt = rs.getObject("beat_at", LocalDateTime.class);
                    LocalDateTime due = rs.getObject("presence_due_at", LocalDateTime.class);
                    return new PlaybackState(token, rs.getLong("account_id"), watch,
                            instant(beatAt != null ? beatAt : rs.getObject("started_at", LocalDateTime.class)),
                            rs.getLong("beat_seq"), due == null ? null : instant(due));
                })
                .optional()
                .map(loaded -> {
                    PlaybackState existing = playbacks.putIfAbsent(token, loaded);
                    return existing == null ? loaded : existing;
                });
    }

    private WatchState watch(long traineeId, LectureInfo lecture, Medium medium) {
        return watches.computeIfAbsent(new WatchKey(traineeId, lecture.id()), key -> jdbc.sql("""
                        SELECT intervals, last_position, current_token, completed_at FROM watch_progress
                        WHERE trainee_id = ? AND lecture_id = ?""")
                .params(traineeId, lecture.id())
                .query((rs, n) -> new WatchState(traineeId, lecture.id(), medium.live(), lecture.startsAt(),
                        medium.lengthSeconds(), Intervals.parse(rs.getString("intervals")),
                        rs.getDouble("last_position"), rs.getString("current_token"),
                        rs.getObject("completed_at") != null))
                .optional()
                .orElseGet(() -> new WatchState(traineeId, lecture.id(), medium.live(), lecture.startsAt(),
                        medium.lengthSeconds(), new Intervals(), 0, null, false)));
    }

    /** Where a lecture's video comes from and how long it counts. */
    private record Medium(String source, boolean live, double lengthSeconds) {
    }

    private Medium medium(LectureInfo lecture, LectureMedia media) {
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

    private Instant instant(LocalDateTime stored) {
        return stored.atZone(clock.getZone()).toInstant();
    }

    /** The watch's state after its current player's heartbeat (or start, or presence answer). */
    private static HeartbeatWriter.WatchRow row(PlaybackState current) {
        WatchState w = current.watch();
        return new HeartbeatWriter.WatchRow(w.traineeId(), w.lectureId(), w.intervals(), w.creditedSeconds(),
                w.lastPosition(), w.currentToken(), current.lastSeq(), current.lastBeatAt(), current.presenceDueAt());
    }

    private static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
