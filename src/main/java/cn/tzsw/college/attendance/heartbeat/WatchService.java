package cn.tzsw.college.attendance.heartbeat;

import cn.tzsw.college.attendance.AttendanceMethod;
import cn.tzsw.college.attendance.AttendanceProperties;
import cn.tzsw.college.attendance.AttendanceWindows;
import cn.tzsw.college.attendance.LectureSetup;
import cn.tzsw.college.attendance.domain.Beat;
import cn.tzsw.college.attendance.domain.PlaybackState;
import cn.tzsw.college.attendance.domain.WatchProgressRepository;
import cn.tzsw.college.attendance.domain.WatchProgressRepository.PlaybackRow;
import cn.tzsw.college.attendance.domain.WatchProgressRepository.WatchRow;
import cn.tzsw.college.attendance.domain.WatchState;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.LectureEvents;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.catalog.LectureStatus;
import cn.tzsw.college.registration.MyLecture;
import cn.tzsw.college.registration.RegistrationEvents;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.registration.RegistrationStatus;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.CurrentUser;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.AfterCommit;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.trainees.TraineeDetails;
import cn.tzsw.college.trainees.TraineeService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Video watching, credited only for real watching (see {@link PlaybackState} for the rules). A trainee's
 * watching of a lecture lives in memory while they watch ({@link PlaybackRegistry}) and is stored with every
 * acknowledged heartbeat through {@link HeartbeatWriter}; after a restart it is read back on the next heartbeat.
 * Several nodes may serve the same watch (a second device, or a player the load balancer moved): each write is
 * made over the stored row its memory was read from, and a node whose write lost to another node's reads the watch
 * again and applies the request to what is stored (see {@link HeartbeatWriter}). Which video plays and when it
 * counts is {@link VideoSources}' business.
 * <p>
 * The right to credit (a live registration or walk-ins, a lecture not cancelled, a recorded lecture's window) is
 * read from the database when a watch is loaded or started and kept with it; a cancelled registration, a changed
 * or cancelled lecture and a lowered capacity make its watches read it again after that change commits, so a
 * heartbeat costs no query. The completion is booked from the stored credit, in one transaction with its hours,
 * where the registration is checked once more under its row lock; a heartbeat retries a booking that failed.
 */
@Service
public class WatchService {

    private static final Logger log = LoggerFactory.getLogger(WatchService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration IDLE = Duration.ofMinutes(30);
    /** Tries of a request whose watch another node keeps changing; then it fails (503) and the player sends again. */
    private static final int ATTEMPTS = 3;

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

    private final PlaybackRegistry registry;
    private final VideoSources sources;
    private final CatalogService catalog;
    private final RegistrationService registrations;
    private final TraineeService trainees;
    private final LectureSetup setup;
    private final AuthenticatedUser authenticatedUser;
    private final HeartbeatWriter writer;
    private final WatchCompletions completions;
    private final AttendanceProperties properties;
    private final AttendanceWindows windows;
    private final PlaybackState.CreditRules rules;
    private final Clock clock;
    /** Acknowledged heartbeats ({@code college_heartbeats_total}), for the operator's scraper. */
    private final Counter heartbeats;

    WatchService(WatchProgressRepository repository, VideoSources sources, CatalogService catalog,
                 RegistrationService registrations, TraineeService trainees, LectureSetup setup,
                 AuthenticatedUser authenticatedUser, HeartbeatWriter writer, WatchCompletions completions,
                 AttendanceProperties properties, AttendanceWindows windows, MeterRegistry meters, Clock clock) {
        this.registry = new PlaybackRegistry(repository, catalog, setup, sources);
        this.sources = sources;
        this.catalog = catalog;
        this.registrations = registrations;
        this.trainees = trainees;
        this.setup = setup;
        this.authenticatedUser = authenticatedUser;
        this.writer = writer;
        this.completions = completions;
        this.properties = properties;
        this.windows = windows;
        AttendanceProperties.Video video = properties.getVideo();
        this.rules = new PlaybackState.CreditRules(video.getMaxRate(), video.getPresenceInterval(),
                video.getPresenceGrace(), clock.getZone());
        this.clock = clock;
        this.heartbeats = Counter.builder("college.heartbeats").description("heartbeats stored and acknowledged")
                .register(meters);
    }

    /**
     * The signed-in trainee starts watching: a new token, which takes over from any other player of theirs for
     * this lecture. Recorded lectures inside their window (a recorded-video course: the lecture's start to end;
     * other recordings any time); live ones during the scheduled time.
     */
    @PreAuthorize("hasRole('TRAINEE')")
    public PlaybackStart start(long lectureId) {
        TraineeDetails me = trainees.mine().orElseThrow(() -> new AccessDeniedException("not a trainee"));
        LectureInfo lecture = catalog.get(lectureId);
        if (lecture.status() == LectureStatus.CANCELLED) {
            throw new BusinessRuleException("attendance.lectureCancelled");
        }
        VideoSources.Medium medium = sources.medium(lecture, setup.media(lectureId));
        WatchState watch = registry.watch(me.id(), lecture, medium);
        long check; // before the registration is read: a cancellation committed after it makes the admission stale
        synchronized (watch) {
            check = watch.checks();
        }
        if (!entitled(lecture)) {
            throw new BusinessRuleException("attendance.notRegistered");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (medium.live() && !windows.liveOpen(lecture, now)) {
            throw new BusinessRuleException("attendance.live.notNow");
        }
        VideoSources.Window window = sources.window(lecture, medium.live());
        if (window.opensAt() != null && now.isBefore(lecture.startsAt())) {
            throw new BusinessRuleException("attendance.video.notYet", lecture.startsAt().toLocalDate());
        }
        if (window.closesAt() != null && !now.isBefore(lecture.endsAt())) {
            throw new BusinessRuleException("attendance.video.closed");
        }
        String token = newToken();
        // Read again after another node's write, the watch checks its right to credit at its next heartbeat.
        return onStoredWatch(attempt -> attempt == 1 ? handTo(token, me.id(), lecture, medium, window, watch, check)
                : handTo(token, me.id(), lecture, medium, window, registry.watch(me.id(), lecture, medium), null));
    }

    /** The new player takes over the watch; admitted with the check taken before the registration was read. */
    private PlaybackStart handTo(String token, long traineeId, LectureInfo lecture, VideoSources.Medium medium,
                                 VideoSources.Window window, WatchState watch, Long check) {
        Instant started = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Duration presence = properties.getVideo().getPresenceInterval();
        PlaybackState playback;
        CompletableFuture<Void> stored;
        boolean due;
        synchronized (watch) {
            if (check != null) {
                watch.admit(check, true, window.opensAt(), window.closesAt(), started);
            }
            watch.handTo(token);
            playback = new PlaybackState(token, authenticatedUser.require().accountId(), watch, started, 0,
                    presence.isZero() ? null : started.plus(presence));
            stored = writer.enqueue(new PlaybackRow(token, playback.accountId(), traineeId, lecture.id(),
                    started), watch, row(playback));
            due = bookingDue(watch);
        }
        HeartbeatWriter.await(stored);
        registry.add(playback);
        boolean completed = due ? book(watch) : completed(watch);
        return new PlaybackStart(token, lecture.id(), lecture.courseTitle(), medium.source(), medium.live(),
                medium.source().contains(".m3u8"), medium.live() ? 0 : watch.lastPosition(),
                (int) properties.getVideo().getHeartbeatInterval().toSeconds(), watch.creditedSeconds(),
                watch.lengthSeconds(), properties.getVideo().getCompletionThreshold(), completed);
    }

    /**
     * A heartbeat applied in memory and queued for writing: {@code stored} completes once its row is committed (or
     * fails), and {@code reply} is the answer then, unless {@code bookingDue} (the completion is booked first, see
     * {@link #finish}).
     */
    record QueuedBeat(String token, Beat beat, CompletableFuture<Void> stored, HeartbeatReply reply,
                      boolean bookingDue, WatchState watch) {
    }

    /**
     * A heartbeat of the signed-in trainee's player. Answered only once its effect is stored, and said complete
     * only once the completion is booked. Unknown tokens, another user's token and a superseded player are refused
     * with nothing changed.
     */
    public HeartbeatReply beat(String token, Beat beat) {
        return finish(queue(token, beat));
    }

    /** Counts a queued heartbeat whose write committed and which is answered with its reply. */
    void acknowledged() {
        heartbeats.increment();
    }

    /**
     * Waits for a queued heartbeat's write and books the completion if it is due. If another node wrote the watch
     * first, the heartbeat is applied again to what is stored.
     */
    HeartbeatReply finish(QueuedBeat queued) {
        return onStoredWatch(attempt -> acknowledge(attempt == 1 ? queued : queue(queued.token(), queued.beat())));
    }

    /**
     * Applies a heartbeat of the signed-in trainee's player and queues its write, without waiting for it: the
     * caller answers after {@link QueuedBeat#stored()} completes, through {@link #acknowledged} or {@link #finish}.
     */
    QueuedBeat queue(String token, Beat beat) {
        // Checked here rather than by a method-security proxy, which cost a tenth of a heartbeat's own work.
        CurrentUser me = authenticatedUser.require();
        if (!me.is(Role.TRAINEE)) {
            throw new AccessDeniedException("not a trainee");
        }
        PlaybackState playback = playback(token, me.accountId());
        WatchState watch = playback.watch();
        check(watch);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        synchronized (watch) {
            if (playback.beat(beat, now, rules) == PlaybackState.Outcome.SUPERSEDED) {
                throw new SupersededException();
            }
            CompletableFuture<Void> stored = writer.enqueue(watch, row(playback));
            return new QueuedBeat(token, beat, stored, new HeartbeatReply(beat.seq(), watch.creditedSeconds(),
                    watch.lengthSeconds(), properties.getVideo().getCompletionThreshold(), watch.completed(),
                    playback.presenceDue(now)), bookingDue(watch), watch);
        }
    }

    private HeartbeatReply acknowledge(QueuedBeat queued) {
        HeartbeatWriter.await(queued.stored());
        acknowledged();
        HeartbeatReply reply = queued.reply();
        if (!queued.bookingDue()) {
            return reply;
        }
        return new HeartbeatReply(reply.seq(), reply.creditedSeconds(), reply.lengthSeconds(), reply.threshold(),
                book(queued.watch()), reply.presenceDue());
    }

    /** The viewer answered the presence prompt ("我在认真观看"); a superseded player is refused. */
    @PreAuthorize("hasRole('TRAINEE')")
    public void confirmPresence(String token) {
        long accountId = authenticatedUser.require().accountId();
        onStoredWatch(attempt -> {
            PlaybackState playback = playback(token, accountId);
            CompletableFuture<Void> stored;
            synchronized (playback.watch()) {
                if (!playback.current()) {
                    throw new SupersededException();
                }
                playback.confirmPresence(clock.instant(), rules);
                stored = writer.enqueue(playback.watch(), row(playback));
            }
            HeartbeatWriter.await(stored);
            return null;
        });
    }

    /**
     * Runs a request that writes a watch; if another node wrote the watch since this node read it, forgets the
     * watch and runs the request again on what is stored.
     */
    private <T> T onStoredWatch(IntFunction<T> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return request.apply(attempt);
            } catch (HeartbeatWriter.StaleWatchException e) {
                registry.forget(e.watch());
                if (attempt == ATTEMPTS) {
                    throw new IllegalStateException("the watch keeps changing on another node", e);
                }
            }
        }
    }

    /** A cancelled or removed registration earns nothing more once that commits. */
    @EventListener
    void onWithdrawn(RegistrationEvents.Withdrawn event) {
        AfterCommit.run(() -> registry.recheck(w -> w.traineeId() == event.traineeId()
                && w.lectureId() == event.lectureId()));
    }

    /** A cancelled or moved lecture: its watches read their right to credit (and window) again. */
    @EventListener
    void onLectureChanged(LectureEvents.Changed event) {
        AfterCommit.run(() -> registry.recheck(w -> w.lectureId() == event.lectureId()));
    }

    /** Lower capacity sends registrations back to the waitlist, which earns nothing. */
    @EventListener
    void onOverbooked(LectureEvents.Overbooked event) {
        AfterCommit.run(() -> registry.recheck(w -> w.lectureId() == event.lectureId()));
    }

    /** Reads the watch's right to credit from the database if it is not known (loaded, or told to read it again). */
    private void check(WatchState watch) {
        long check;
        synchronized (watch) {
            if (watch.checked()) {
                return;
            }
            check = watch.checks();
        }
        LectureInfo lecture = catalog.get(watch.lectureId());
        boolean entitled = lecture.status() != LectureStatus.CANCELLED && entitled(lecture);
        VideoSources.Window window = sources.window(lecture, watch.live());
        synchronized (watch) {
            watch.admit(check, entitled, window.opensAt(), window.closesAt(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
        }
    }

    /** The signed-in trainee holds a seat, or the lecture takes walk-ins. */
    private boolean entitled(LectureInfo lecture) {
        boolean registered = registrations.myRegistration(lecture.id()).map(MyLecture::status)
                .filter(s -> s == RegistrationStatus.REGISTERED).isPresent();
        return registered || setup.media(lecture.id()).walkInsAllowed();
    }

    /** Call holding the watch's lock. */
    private boolean bookingDue(WatchState watch) {
        return !watch.completed() && watch.entitled()
                && watch.reached(properties.getVideo().getCompletionThreshold());
    }

    /**
     * Books the completion from the stored credit (the caller awaited its write), once whatever runs at the same
     * time; a failure is retried by the next heartbeat or start. Returns whether the watch is complete.
     */
    private boolean book(WatchState watch) {
        double required = watch.requiredSeconds(properties.getVideo().getCompletionThreshold());
        try {
            if (completions.complete(watch.traineeId(), watch.lectureId(),
                    watch.live() ? AttendanceMethod.LIVE_STREAM : AttendanceMethod.VIDEO, required)) {
                synchronized (watch) {
                    watch.markCompleted();
                }
                return true;
            }
        } catch (RuntimeException e) {
            log.warn("Could not book the completion of lecture {} for trainee {}; the next heartbeat tries again",
                    watch.lectureId(), watch.traineeId(), e);
        }
        return false;
    }

    private static boolean completed(WatchState watch) {
        synchronized (watch) {
            return watch.completed();
        }
    }

    /** Forgets players idle for half an hour; their state is stored, and read back if they come again. */
    @Scheduled(fixedDelay = 300_000)
    void forgetIdle() {
        registry.forgetIdleSince(clock.instant().minus(IDLE));
    }

    /** The caller's playback of the token; another account's is refused. */
    private PlaybackState playback(String token, long callerAccountId) {
        PlaybackState playback = registry.playback(token).orElseThrow(UnknownPlaybackException::new);
        if (playback.accountId() != callerAccountId) {
            throw new AccessDeniedException("another user's playback");
        }
        return playback;
    }

    /** The watch's state after its current player's heartbeat (or start, or presence answer). */
    private static WatchRow row(PlaybackState current) {
        WatchState w = current.watch();
        return new WatchRow(w.traineeId(), w.lectureId(), w.intervals(), w.creditedSeconds(),
                w.lastPosition(), w.currentToken(), current.lastSeq(), current.lastBeatAt(), current.presenceDueAt(), 0);
    }

    private static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
