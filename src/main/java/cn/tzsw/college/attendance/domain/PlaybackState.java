package cn.tzsw.college.attendance.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One player's session with a lecture (one token). {@link #beat} applies the crediting rules: only the span of
 * wall-clock time since the previous heartbeat can earn credit, at most {@code maxRate} seconds of video per
 * second; nothing while paused, hidden, superseded by another player, or past an unanswered presence prompt.
 * Callers hold the monitor of the playback's {@link WatchState}.
 */
public final class PlaybackState {

    /** How the server treated a heartbeat. */
    public enum Outcome { CREDITED, DUPLICATE, SUPERSEDED }

    private final String token;
    private final long accountId;
    private final WatchState watch;
    private Instant lastBeatAt;
    private long lastSeq;
    private Instant presenceDueAt;

    public PlaybackState(String token, long accountId, WatchState watch, Instant lastBeatAt, long lastSeq,
                         Instant presenceDueAt) {
        this.token = token;
        this.accountId = accountId;
        this.watch = watch;
        this.lastBeatAt = lastBeatAt;
        this.lastSeq = lastSeq;
        this.presenceDueAt = presenceDueAt;
    }

    /** Whether this is the watch's current player (a newer start supersedes it). */
    public boolean current() {
        return token.equals(watch.currentToken());
    }

    public Outcome beat(Beat beat, Instant now, CreditRules rules) {
        if (!current()) {
            return Outcome.SUPERSEDED;
        }
        if (beat.seq() <= lastSeq) {
            return Outcome.DUPLICATE;
        }
        Instant creditUntil = presenceDueAt == null ? now : min(now, presenceDueAt.plus(rules.presenceGrace()));
        double span = Math.max(0, Duration.between(lastBeatAt, creditUntil).toMillis() / 1000.0);
        if (beat.playing() && !beat.hidden() && span > 0) {
            if (watch.live()) {
                watch.credit(watch.liveSecond(creditUntil.minusMillis((long) (span * 1000)), rules.zone()),
                        watch.liveSecond(creditUntil, rules.zone()));
            } else {
                double start = beat.from();
                watch.credit(start, Math.min(beat.position(), start + span * rules.maxRate()));
            }
        }
        lastBeatAt = now.isAfter(lastBeatAt) ? now : lastBeatAt;
        lastSeq = beat.seq();
        watch.moveTo(watch.live() ? 0 : Math.min(beat.position(), watch.lengthSeconds()));
        return Outcome.CREDITED;
    }

    /** The viewer answered the prompt: credit goes on; time after an expired prompt stays uncredited. */
    public void confirmPresence(Instant now, CreditRules rules) {
        if (presenceDueAt != null && now.isAfter(presenceDueAt.plus(rules.presenceGrace()))) {
            lastBeatAt = now;
        }
        presenceDueAt = rules.presenceInterval().isZero() ? null : now.plus(rules.presenceInterval());
        watch.moveTo(watch.lastPosition());
    }

    public boolean presenceDue(Instant now) {
        return presenceDueAt != null && !now.isBefore(presenceDueAt);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    public String token() {
        return token;
    }

    public long accountId() {
        return accountId;
    }

    public WatchState watch() {
        return watch;
    }

    public Instant lastBeatAt() {
        return lastBeatAt;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public Instant presenceDueAt() {
        return presenceDueAt;
    }

    /** The rules a heartbeat is judged by. */
    public record CreditRules(double maxRate, Duration presenceInterval, Duration presenceGrace, ZoneId zone) {
    }
}
