package cn.tzsw.college.security;

/** A roster import's change of an account's user name (a new mobile number) and display name. */
public record AccountRename(long accountId, String username, String displayName) {
}
