package cn.tzsw.college.attendance.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * What one trainee has watched of one lecture, in memory while they watch. All changes happen while the caller
 * holds this object's monitor; {@link #version} orders the snapshots the writer persists.
 */
public final class WatchState {

    private final long traineeId;
    private final long lectureId;
    /** Live: seconds count from the scheduled start; recorded: seconds of the video. */
    private final boolean live;
    private final LocalDateTime liveStart;
    private final double lengthSeconds;
    private final Intervals credited;
    private double lastPosition;
    private String currentToken;
    private boolean completed;
    private long version;

    public WatchState(long traineeId, long lectureId, boolean live, LocalDateTime liveStart, double lengthSeconds,
                      Intervals credited, double lastPosition, String currentToken, boolean completed) {
        this.traineeId = traineeId;
        this.lectureId = lectureId;
        this.live = live;
        this.liveStart = liveStart;
        this.lengthSeconds = lengthSeconds;
        this.credited = credited;
        this.lastPosition = lastPosition;
        this.currentToken = currentToken;
        this.completed = completed;
    }

    public long traineeId() {
        return traineeId;
    }

    public long lectureId() {
        return lectureId;
    }

    public boolean live() {
        return live;
    }

    public LocalDateTime liveStart() {
        return liveStart;
    }

    public double lengthSeconds() {
        return lengthSeconds;
    }

    public double creditedSeconds() {
        return credited.total();
    }

    public String intervals() {
        return credited.toString();
    }

    public double lastPosition() {
        return lastPosition;
    }

    public String currentToken() {
        return currentToken;
    }

    public boolean completed() {
        return completed;
    }

    public long version() {
        return version;
    }

    /** A new player took over: older tokens of this trainee and lecture earn nothing from now on. */
    public void handTo(String token) {
        currentToken = token;
        version++;
    }

    public double credit(double start, double end) {
        double added = credited.add(Math.max(0, start), Math.min(lengthSeconds, end));
        version++;
        return added;
    }

    public void moveTo(double position) {
        lastPosition = position;
        version++;
    }

    /** True exactly once: the first time the credited share reaches the threshold. */
    public boolean completeIfReached(double threshold) {
        if (!completed && lengthSeconds > 0 && credited.total() >= threshold * lengthSeconds - 0.5) {
            completed = true;
            version++;
            return true;
        }
        return false;
    }

    /** Seconds of the live schedule at the instant, for crediting wall-clock watching of a live lecture. */
    public double liveSecond(Instant instant, ZoneId zone) {
        return Duration.between(liveStart.atZone(zone).toInstant(), instant).toMillis() / 1000.0;
    }
}
