package cn.tzsw.college.attendance.domain;

/**
 * One heartbeat as the player reports the span since its previous one: it played continuously from {@code from}
 * to {@code position} (seconds of the video) if {@code playing}; {@code hidden} if the page was hidden at any
 * moment of the span. The server trusts none of it beyond what the wall clock allows.
 */
public record Beat(long seq, double from, double position, boolean playing, boolean hidden, double rate) {
}
