package cn.tzsw.college.trainees;

import cn.tzsw.college.shared.ValidIdNumber;
import cn.tzsw.college.shared.ValidPhone;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a social worker enters to register on the platform. */
public class TraineeSignUp extends TraineeProfile {

    @NotBlank
    @ValidPhone
    private String phone = "";

    @NotBlank
    @ValidIdNumber
    private String idNumber = "";

    @NotBlank
    @Size(min = 8, max = 64, message = "{validation.password.size}")
    private String password = "";

    private String passwordConfirmation = "";

    @AssertTrue(message = "{validation.password.mismatch}")
    public boolean isPasswordConfirmed() {
        return password == null || password.equals(passwordConfirmation);
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
