package cn.tzsw.college.attendance.heartbeat;

import cn.tzsw.college.attendance.LectureSetup;
import cn.tzsw.college.attendance.domain.Intervals;
import cn.tzsw.college.attendance.domain.PlaybackState;
import cn.tzsw.college.attendance.domain.WatchProgressRepository;
import cn.tzsw.college.attendance.domain.WatchProgressRepository.StoredPlayback;
import cn.tzsw.college.attendance.domain.WatchState;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.LectureInfo;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The players and watches in memory: a heartbeat finds its state here without a query. What is not here (after a
 * restart, forgotten while idle, or forgotten because another node wrote the watch) is read back from the stored
 * rows. One registry per {@link WatchService}, so
 * a new service starts with an empty memory, as after a restart.
 */
final class PlaybackRegistry {

    private record WatchKey(long traineeId, long lectureId) {
    }

    private final Map<String, PlaybackState> playbacks = new ConcurrentHashMap<>();
    private final Map<WatchKey, WatchState> watches = new ConcurrentHashMap<>();
    private final WatchProgressRepository repository;
    private final CatalogService catalog;
    private final LectureSetup setup;
    private final VideoSources sources;

    PlaybackRegistry(WatchProgressRepository repository, CatalogService catalog, LectureSetup setup,
                     VideoSources sources) {
        this.repository = repository;
        this.catalog = catalog;
        this.setup = setup;
        this.sources = sources;
    }

    void add(PlaybackState playback) {
        playbacks.put(playback.token(), playback);
    }

    /** The token's player, from memory or as stored; empty for a token never issued. */
    Optional<PlaybackState> playback(String token) {
        PlaybackState playback = playbacks.get(token);
        return playback != null ? Optional.of(playback) : load(token);
    }

    /**
     * A playback stored before a restart (or forgotten while idle). Its last heartbeat is stored with its watch
     * while it is the watch's current player; a superseded one earns nothing, so it starts from when it started.
     */
    private Optional<PlaybackState> load(String token) {
        if (token == null || token.length() > 32) {
            return Optional.empty();
        }
        return repository.findPlayback(token).map(stored -> {
            PlaybackState loaded = restore(token, stored);
            PlaybackState existing = playbacks.putIfAbsent(token, loaded);
            return existing == null ? loaded : existing;
        });
    }

    private PlaybackState restore(String token, StoredPlayback stored) {
        LectureInfo lecture = catalog.get(stored.lectureId());
        WatchState watch = watch(stored.traineeId(), lecture,
                sources.medium(lecture, setup.media(lecture.id())));
        LocalDateTime beatAt = stored.beatAt() != null ? stored.beatAt() : stored.startedAt();
        return new PlaybackState(token, stored.accountId(), watch, sources.instant(beatAt), stored.beatSeq(),
                stored.presenceDueAt() == null ? null : sources.instant(stored.presenceDueAt()));
    }

    /** The trainee's watch of the lecture, from memory, as stored, or new. */
    WatchState watch(long traineeId, LectureInfo lecture, VideoSources.Medium medium) {
        return watches.computeIfAbsent(new WatchKey(traineeId, lecture.id()), key -> repository
                .findWatch(traineeId, lecture.id())
                .map(stored -> {
                    WatchState watch = new WatchState(traineeId, lecture.id(), medium.live(), lecture.startsAt(),
                            medium.lengthSeconds(), Intervals.parse(stored.intervals()), stored.lastPosition(),
                            stored.currentToken(), stored.completed());
                    watch.storedAs(stored.version());
                    return watch;
                })
                .orElseGet(() -> new WatchState(traineeId, lecture.id(), medium.live(), lecture.startsAt(),
                        medium.lengthSeconds(), new Intervals(), 0, null, false)));
    }

    /** Forgets the watch and its players: another node wrote it, so what is stored is read again. */
    void forget(WatchState watch) {
        watches.remove(new WatchKey(watch.traineeId(), watch.lectureId()), watch);
        playbacks.values().removeIf(p -> p.watch() == watch);
    }

    /** Makes the affected watches read their right to credit again before their next credit. */
    void recheck(Predicate<WatchState> affected) {
        for (WatchState watch : watches.values()) {
            if (affected.test(watch)) {
                synchronized (watch) {
                    watch.recheck();
                }
            }
        }
    }

    /** Forgets players whose last heartbeat is older than the cutoff, and watches no remembered player holds. */
    void forgetIdleSince(Instant cutoff) {
        playbacks.values().removeIf(p -> p.lastBeatAt().isBefore(cutoff));
        watches.values().removeIf(w -> playbacks.values().stream().noneMatch(p -> p.watch() == w));
    }
}
