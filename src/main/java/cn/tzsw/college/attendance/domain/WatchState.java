package cn.tzsw.college.attendance.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * What one trainee has watched of one lecture, in memory while they watch. All changes happen while the caller
 * holds this object's monitor. The stored row decides: {@link #storedVersion} names the row this memory was read
 * from or last wrote; a write made from an older row is refused, and the watch is then read again.
 * <p>
 * Credit also needs the right to it: a live registration (or walk-ins allowed) on a lecture that is not cancelled,
 * and for a recorded lecture the time inside its window. That is checked against the database when the watch is
 * loaded and again after any event that may change it ({@link #recheck}); until then the watch earns nothing.
 */
public final class WatchState {

    /** Spans stored to the millisecond may lose a millisecond each across a restart; this forgives them. */
    private static final double REACH_SLACK = 0.05;

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
    /** Written by the loader and then only by the heartbeat writer's thread. */
    private volatile long storedVersion;
    private boolean checked;
    private boolean entitled;
    private Instant opensAt;
    private Instant closesAt;
    private Instant creditableFrom;
    private boolean revoked;
    private long checks;

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

    /** Whether the completion is booked (stored with its hours). */
    public boolean completed() {
        return completed;
    }

    /** Whether credit may be earned now (checked and still valid; see the class comment). */
    public boolean entitled() {
        return entitled;
    }

    /** Start of the window in which credit counts, or null when unbounded. */
    public Instant opensAt() {
        return opensAt;
    }

    /** End of the window in which credit counts, or null when unbounded. */
    public Instant closesAt() {
        return closesAt;
    }

    /** Credit counts from this instant on (after a check that followed a change), or null when unbounded. */
    public Instant creditableFrom() {
        return creditableFrom;
    }

    /** Whether the right to credit was checked since the watch was loaded or last told to {@link #recheck}. */
    public boolean checked() {
        return checked;
    }

    /** Which check is current: read it before asking the database, hand it to {@link #admit}. */
    public long checks() {
        return checks;
    }

    /** Something that grants credit may have changed: nothing is credited until it is checked again. */
    public void recheck() {
        checks++;
        checked = false;
        entitled = false;
        revoked = true;
    }

    /**
     * The outcome of a check that began at {@code check} and was answered {@code at}; ignored if a newer event
     * made it stale meanwhile. After a change, credit counts only from the answer on: when the right lapsed in
     * between is not known. Returns whether it was taken.
     */
    public boolean admit(long check, boolean entitled, Instant opensAt, Instant closesAt, Instant at) {
        if (check != checks) {
            return false;
        }
        if (revoked) {
            creditableFrom = at;
            revoked = false;
        }
        checked = true;
        this.entitled = entitled;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        return true;
    }

    /** The version of the stored row this state was read from or last written as (0: not stored yet). */
    public long storedVersion() {
        return storedVersion;
    }

    public void storedAs(long version) {
        storedVersion = version;
    }

    /** A new player took over: older tokens of this trainee and lecture earn nothing from now on. */
    public void handTo(String token) {
        currentToken = token;
    }

    public double credit(double start, double end) {
        return credited.add(Math.max(0, start), Math.min(lengthSeconds, end));
    }

    public void moveTo(double position) {
        lastPosition = position;
    }

    /** Whether the credited share reaches the threshold (and so the lecture awaits or has its booking). */
    public boolean reached(double threshold) {
        return lengthSeconds > 0 && credited.total() >= requiredSeconds(threshold);
    }

    /** The credited seconds that complete the lecture. */
    public double requiredSeconds(double threshold) {
        return threshold * lengthSeconds - REACH_SLACK;
    }

    /** The completion is booked; called only after its transaction committed. */
    public void markCompleted() {
        completed = true;
    }

    /** Seconds of the live schedule at the instant, for crediting wall-clock watching of a live lecture. */
    public double liveSecond(Instant instant, ZoneId zone) {
        return Duration.between(liveStart.atZone(zone).toInstant(), instant).toMillis() / 1000.0;
    }
}
