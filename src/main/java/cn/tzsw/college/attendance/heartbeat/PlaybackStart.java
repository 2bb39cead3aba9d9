package cn.tzsw.college.attendance.heartbeat;

/**
 * What the player needs to start: its token (for heartbeats), the source, whether it is live (and HLS), where to
 * resume, and the crediting figures so far.
 */
public record PlaybackStart(String token, long lectureId, String title, String source, boolean live, boolean hls,
                            double resumeAt, int heartbeatSeconds, double creditedSeconds, double lengthSeconds,
                            double threshold, boolean completed) {
}
