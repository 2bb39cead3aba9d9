package cn.tzsw.college.attendance;

/** The server's answer to a heartbeat: credit so far, whether the lecture is complete, and whether to prompt. */
public record HeartbeatReply(double creditedSeconds, double lengthSeconds, double threshold, boolean completed,
                             boolean presenceDue) {
}
