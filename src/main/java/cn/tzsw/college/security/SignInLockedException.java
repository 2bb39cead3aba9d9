package cn.tzsw.college.security;

import org.springframework.security.authentication.LockedException;

/**
 * Sign-in refused because the user name or the client address used up its attempts; the same for existing and
 * unknown accounts, so the answer tells nothing about which names exist. The login page shows until when.
 */
public class SignInLockedException extends LockedException {

    private final String untilText;

    SignInLockedException(AttemptLock lock) {
        super("sign-in locked until " + lock.until());
        this.untilText = lock.untilText();
    }

    /** The time to try again, e.g. "10:42". */
    public String untilText() {
        return untilText;
    }
}
