package cn.tzsw.college.hours;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Hours earned outside the platform, as an administrator records them: external training with a certificate counts
 * its actual hours; a completed social-work degree counts a fixed number once (the hours field is ignored).
 */
public class ExternalHoursData {

    @NotNull
    private HoursSource source = HoursSource.EXTERNAL_TRAINING;

    @NotBlank
    @Size(max = 200)
    private String title = "";

    @DecimalMin("0.5")
    @DecimalMax("999")
    private BigDecimal hours;

    @NotNull
    @PastOrPresent
    private LocalDate earnedOn;

    @Size(max = 500)
    private String note = "";

    @AssertTrue(message = "{validation.hours.required}")
    public boolean isHoursGivenForTraining() {
        return source != HoursSource.EXTERNAL_TRAINING || hours != null;
    }

    @AssertTrue(message = "{validation.hours.externalSource}")
    public boolean isExternalSource() {
        return source == null || source.external();
    }

    public HoursSource getSource() {
        return source;
    }

    public void setSource(HoursSource source) {
        this.source = source;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public void setHours(BigDecimal hours) {
        this.hours = hours;
    }

    public LocalDate getEarnedOn() {
        return earnedOn;
    }

    public void setEarnedOn(LocalDate earnedOn) {
        this.earnedOn = earnedOn;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
