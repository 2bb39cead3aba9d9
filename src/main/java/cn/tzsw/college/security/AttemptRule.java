package cn.tzsw.college.security;

/**
 * What {@link AttemptLimiter} counts, each with its own limit in {@link AttemptLimits}: wrong passwords per
 * account and per client address, wrong typed check-in codes per trainee and lecture, sign-ups per client address,
 * password-reset requests per typed user name and per client address.
 */
public enum AttemptRule {
    SIGN_IN_ACCOUNT, SIGN_IN_ADDRESS, CHECK_IN_CODE, SIGN_UP_ADDRESS, PASSWORD_RESET_ACCOUNT, PASSWORD_RESET_ADDRESS;

    /** The rule's name in keys, the lock table and the audit trail, e.g. "sign-in-account". */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public boolean signIn() {
        return this == SIGN_IN_ACCOUNT || this == SIGN_IN_ADDRESS;
    }
}
