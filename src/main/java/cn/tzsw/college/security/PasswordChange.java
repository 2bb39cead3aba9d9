package cn.tzsw.college.security;

import jakarta.validation.constraints.NotBlank;

/** What a signed-in user enters to change their own password: the current one, then a new one twice. */
public class PasswordChange extends NewPassword {

    @NotBlank
    private String currentPassword = "";

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }
}
