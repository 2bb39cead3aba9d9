package cn.tzsw.college.security;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new password, typed twice: what a visitor enters on the page a password-reset link opens. */
public class NewPassword {

    @NotBlank
    @Size(min = 8, max = 64, message = "{validation.password.size}")
    private String newPassword = "";

    private String confirmation = "";

    @AssertTrue(message = "{validation.password.mismatch}")
    public boolean isConfirmed() {
        return newPassword == null || newPassword.equals(confirmation);
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
