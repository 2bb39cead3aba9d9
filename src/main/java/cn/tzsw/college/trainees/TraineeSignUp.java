package cn.tzsw.college.trainees;

import cn.tzsw.college.shared.ValidIdNumber;
import cn.tzsw.college.shared.ValidPhone;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What a social worker enters to register on the platform. */
public class TraineeSignUp {

    @NotBlank
    @Size(min = 2, max = 30)
    @Pattern(regexp = "^[\\p{IsHan}·A-Za-z ]+$", message = "{validation.name.pattern}")
    private String name = "";

    @NotBlank
    @ValidPhone
    private String phone = "";

    @NotBlank
    @ValidIdNumber
    private String idNumber = "";

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

    @NotBlank
    @Size(min = 8, max = 64, message = "{validation.password.size}")
    private String password = "";

    private String passwordConfirmation = "";

    @AssertTrue(message = "{validation.periodStart.required}")
    public boolean isPeriodStartGivenWhenCertified() {
        return certificateLevel == null || !certificateLevel.certified() || periodStart != null;
    }

    @AssertTrue(message = "{validation.password.mismatch}")
    public boolean isPasswordConfirmed() {
        return password == null || password.equals(passwordConfirmation);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
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

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordConfirmation() {
        return passwordConfirmation;
    }

    public void setPasswordConfirmation(String passwordConfirmation) {
        this.passwordConfirmation = passwordConfirmation;
    }
}
