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

    /**
     * Applies a heartbeat. Credit is bounded by the wall clock: only the time since the previous accepted
     * heartbeat of this player counts, cut to the watch's window, to the time since its right to credit was last
     * confirmed after a change, and to an unanswered prompt's grace; a recorded video earns at most
     * {@code maxRate} seconds of the reported span [from, position] per second of it, so the credit never exceeds
     * what was reported played. Numbers that are not finite and non-negative credit nothing and move nothing.
     */
    public Outcome beat(Beat beat, Instant now, CreditRules rules) {
        if (!current()) {
            return Outcome.SUPERSEDED;
        }
        if (beat.seq() <= lastSeq) {
            return Outcome.DUPLICATE;
        }
        boolean sane = seconds(beat.from()) && seconds(beat.position());
        if (beat.playing() && !beat.hidden() && sane && watch.entitled()) {
            Instant creditFrom = max(max(lastBeatAt, watch.opensAt()), watch.creditableFrom());
            Instant creditUntil = min(min(now, watch.closesAt()),
                    presenceDueAt == null ? null : presenceDueAt.plus(rules.presenceGrace()));
            if (creditUntil.isAfter(creditFrom)) {
                if (watch.live()) {
                    watch.credit(watch.liveSecond(creditFrom, rules.zone()), watch.liveSecond(creditUntil, rules.zone()));
                } else {
                    double span = wholeMillisBetween(creditFrom, creditUntil) / 1000.0;
                    watch.credit(beat.from(), Math.min(beat.position(), beat.from() + span * rules.maxRate()));
                }
            }
        }
        lastBeatAt = now.isAfter(lastBeatAt) ? now : lastBeatAt;
        lastSeq = beat.seq();
        if (sane) {
            watch.moveTo(watch.live() ? 0 : Math.min(beat.position(), watch.lengthSeconds()));
        }
        return Outcome.CREDITED;
    }

    /** {@code Duration.between(from, until).toMillis()} for {@code until} after {@code from}, without a Duration. */
    static long wholeMillisBetween(Instant from, Instant until) {
        return (until.getEpochSecond() - from.getEpochSecond()) * 1000
                + Math.floorDiv(until.getNano() - from.getNano(), 1_000_000);
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

    /** The earlier instant; null stands for no bound. */
    private static Instant min(Instant a, Instant b) {
        return b == null || a.isBefore(b) ? a : b;
    }

    /** The later instant; null stands for no bound. */
    private static Instant max(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static boolean seconds(double value) {
        return Double.isFinite(value) && value >= 0;
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
