package cn.tzsw.college.trainees;

import cn.tzsw.college.shared.CertificateLevel;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The profile fields a trainee gives at sign-up and administrators may change later, with their rules. */
public abstract class TraineeProfile {

    @NotBlank
    @Size(min = 2, max = 30)
    @Pattern(regexp = "^[\\p{IsHan}·A-Za-z ]+$", message = "{validation.name.pattern}")
    private String name = "";

    @Email
    @Size(max = 120)
    private String email = "";

    @NotBlank
    @Size(max = 100)
    private String workUnit = "";

    @NotBlank(message = "{validation.region.required}")
    private String regionCode;

    @NotNull
    private CertificateLevel certificateLevel = CertificateLevel.NONE;

    @PastOrPresent
    private LocalDate periodStart;

    @AssertTrue(message = "{validation.periodStart.required}")
    public boolean isPeriodStartGivenWhenCertified() {
        return certificateLevel == null || !certificateLevel.certified() || periodStart != null;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getWorkUnit() {
        return workUnit;
    }

    public void setWorkUnit(String workUnit) {
        this.workUnit = workUnit;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public CertificateLevel getCertificateLevel() {
        return certificateLevel;
    }

    public void setCertificateLevel(CertificateLevel certificateLevel) {
        this.certificateLevel = certificateLevel;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public void setPeriodStart(LocalDate periodStart) {
        this.periodStart = periodStart;
    }
}
