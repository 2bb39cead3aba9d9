package cn.tzsw.college.attendance;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Attendance rules: check-in window and codes, and how video watching is credited. */
@ConfigurationProperties("app.attendance")
public class AttendanceProperties {

    /** Check-in opens this long before a lecture starts and closes this long after it ends. */
    private Duration checkInMargin = Duration.ofMinutes(30);
    /** A viewing site records attendance until this long after the lecture's end (a roster entered the next day). */
    private Duration siteRecordingWindow = Duration.ofDays(3);
    /** Checked in later than this after the start counts as late. */
    private Duration lateAfter = Duration.ofMinutes(15);
    /** How long one room code is shown; the previous one is still accepted (one slot of grace). */
    private Duration codeSlot = Duration.ofSeconds(30);
    /** Signs check-in codes; when blank, a random key made once and kept in the database (shared by all nodes). */
    private String signingSecret = "";
    private final Video video = new Video();

    public static class Video {
        private Path dir = Path.of("./data/videos");
        private DataSize maxSize = DataSize.ofGigabytes(2);
        private double maxRate = 2.0;
        private double completionThreshold = 0.85;
        /** A presence prompt ("我在认真观看") every so often; zero turns prompts off. */
        private Duration presenceInterval = Duration.ofMinutes(20);
        /** Time to answer a prompt before credit pauses. */
        private Duration presenceGrace = Duration.ofMinutes(2);
        private Duration heartbeatInterval = Duration.ofSeconds(10);

        public Path getDir() {
            return dir;
        }

        public void setDir(Path dir) {
            this.dir = dir;
        }

        public DataSize getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(DataSize maxSize) {
            this.maxSize = maxSize;
        }

        public double getMaxRate() {
            return maxRate;
        }

        public void setMaxRate(double maxRate) {
            this.maxRate = maxRate;
        }

        public double getCompletionThreshold() {
            return completionThreshold;
        }

        public void setCompletionThreshold(double completionThreshold) {
            this.completionThreshold = completionThreshold;
        }

        public Duration getPresenceInterval() {
            return presenceInterval;
        }

        public void setPresenceInterval(Duration presenceInterval) {
            this.presenceInterval = presenceInterval;
        }

        public Duration getPresenceGrace() {
            return presenceGrace;
        }

        public void setPresenceGrace(Duration presenceGrace) {
            this.presenceGrace = presenceGrace;
        }

        public Duration getHeartbeatInterval() {
            return heartbeatInterval;
        }

        public void setHeartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = heartbeatInterval;
        }
    }

    public Duration getCheckInMargin() {
        return checkInMargin;
    }

    public void setCheckInMargin(Duration checkInMargin) {
        this.checkInMargin = checkInMargin;
    }

    public Duration getSiteRecordingWindow() {
        return siteRecordingWindow;
    }

    public void setSiteRecordingWindow(Duration siteRecordingWindow) {
        this.siteRecordingWindow = siteRecordingWindow;
    }

    public Duration getLateAfter() {
        return lateAfter;
    }

    public void setLateAfter(Duration lateAfter) {
        this.lateAfter = lateAfter;
    }

    public Duration getCodeSlot() {
        return codeSlot;
    }

    public void setCodeSlot(Duration codeSlot) {
        this.codeSlot = codeSlot;
    }

    public String getSigningSecret() {
        return signingSecret;
    }

    public void setSigningSecret(String signingSecret) {
        this.signingSecret = signingSecret;
    }

    public Video getVideo() {
        return video;
    }
}
