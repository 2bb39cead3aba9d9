package cn.tzsw.college.catalog;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an administrator enters to schedule a lecture (课次). */
public class LectureData {

    @NotNull
    private LocalDateTime startsAt;

    @NotNull
    private LocalDateTime endsAt;

    @Size(max = 120)
    private String venue;

    @Size(max = 500)
    @Pattern(regexp = "^(https?://\\S+)?$", message = "{validation.url}")
    private String streamUrl;

    @Size(max = 500)
    @Pattern(regexp = "^(https?://\\S+|/\\S*)?$", message = "{validation.url}")
    private String videoUrl;

    @NotNull
    @Min(1)
    @Max(100_000)
    private Integer capacity = 50;

    @NotNull
    private LocalDateTime registrationOpens;

    @NotNull
    private LocalDateTime registrationCloses;

    @NotNull
    private LocalDateTime cancellationDeadline;

    private String regionRestriction;

    /** County code -> reserved seats; empty for no quotas. */
    private Map<String, Integer> quotas = new LinkedHashMap<>();

    @AssertTrue(message = "{lecture.endsAfterStart}")
    public boolean isEndAfterStart() {
        return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
    }

    @AssertTrue(message = "{lecture.registrationClosesBeforeStart}")
    public boolean isRegistrationClosedBeforeStart() {
        return startsAt == null || registrationCloses == null || !registrationCloses.isAfter(startsAt);
    }

    @AssertTrue(message = "{lecture.registrationOpensBeforeClose}")
    public boolean isRegistrationOpenBeforeClose() {
        return registrationOpens == null || registrationCloses == null || registrationOpens.isBefore(registrationCloses);
    }

    @AssertTrue(message = "{lecture.cancellationBeforeStart}")
    public boolean isCancellationDeadlineBeforeStart() {
        return startsAt == null || cancellationDeadline == null || !cancellationDeadline.isAfter(startsAt);
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalDateTime startsAt) {
        this.startsAt = startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(LocalDateTime endsAt) {
        this.endsAt = endsAt;
    }

    public String getVenue() {
        return venue;
    }

    public void setVenue(String venue) {
        this.venue = venue;
    }

    public String getStreamUrl() {
        return streamUrl;
    }

    public void setStreamUrl(String streamUrl) {
        this.streamUrl = streamUrl;
    }

    public String getVideoUrl() {
        return videoUrl;
    }

    public void setVideoUrl(String videoUrl) {
        this.videoUrl = videoUrl;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public LocalDateTime getRegistrationOpens() {
        return registrationOpens;
    }

    public void setRegistrationOpens(LocalDateTime registrationOpens) {
        this.registrationOpens = registrationOpens;
    }

    public LocalDateTime getRegistrationCloses() {
        return registrationCloses;
    }

    public void setRegistrationCloses(LocalDateTime registrationCloses) {
        this.registrationCloses = registrationCloses;
    }

    public LocalDateTime getCancellationDeadline() {
        return cancellationDeadline;
    }

    public void setCancellationDeadline(LocalDateTime cancellationDeadline) {
        this.cancellationDeadline = cancellationDeadline;
    }

    public String getRegionRestriction() {
        return regionRestriction;
    }

    public void setRegionRestriction(String regionRestriction) {
        this.regionRestriction = regionRestriction;
    }

    public Map<String, Integer> getQuotas() {
        return quotas;
    }

    public void setQuotas(Map<String, Integer> quotas) {
        this.quotas = quotas;
    }
}
