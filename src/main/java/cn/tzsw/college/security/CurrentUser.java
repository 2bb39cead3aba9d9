package cn.tzsw.college.security;

import java.util.Locale;

/**
 * The signed-in person. {@code regionCode} is the coordinator's region, or the organiser region of an
 * administrator (the city college or a county branch school); null for trainees.
 */
public record CurrentUser(long accountId, String username, String displayName, Role role, String regionCode,
                          Locale locale) {

    public boolean is(Role other) {
        return role == other;
    }
}
