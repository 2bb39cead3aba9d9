package cn.tzsw.college.security;

/** An account got a new password through a mailed one-time link; published in the change's transaction, for the audit trail. */
public record PasswordResetByMail(long accountId, String username) {
}
