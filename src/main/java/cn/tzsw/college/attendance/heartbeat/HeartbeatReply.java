package cn.tzsw.college.attendance.heartbeat;

/**
 * The server's answer to a heartbeat: the sequence number it answers (so a client can tell which of its heartbeats
 * is acknowledged), credit so far, whether the lecture is complete, and whether to prompt.
 */
public record HeartbeatReply(long seq, double creditedSeconds, double lengthSeconds, double threshold, boolean completed,
                             boolean presenceDue) {
}
