package cn.tzsw.college.security;

/**
 * An account got a new password: changed by its owner, or reset by an administrator ({@code reset}) for a person
 * who forgot theirs. Published inside the change's transaction, for the audit trail.
 */
public record PasswordChanged(long accountId, String username, boolean reset) {
}
