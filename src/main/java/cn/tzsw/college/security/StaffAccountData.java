package cn.tzsw.college.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator enters to create a coordinator (or another staff account). */
public class StaffAccountData {

    @NotBlank
    @Size(min = 3, max = 40)
    @Pattern(regexp = "^[A-Za-z0-9._-]+$", message = "{validation.username.pattern}")
    private String username = "";

    @NotBlank
    @Size(max = 50)
    private String displayName = "";

    @NotNull
    private Role role = Role.COORDINATOR;

    private String regionCode;

    @NotBlank
    @Size(min = 8, max = 64, message = "{validation.password.size}")
    private String password = "";

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
