package cn.tzsw.college.security;

import java.time.LocalDateTime;

/** One account in the administrators' user list. */
public record AccountSummary(long id, String username, String displayName, Role role, String regionCode,
                             boolean enabled, LocalDateTime createdAt) {
}
