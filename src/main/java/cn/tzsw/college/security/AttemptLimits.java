package cn.tzsw.college.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many attempts each {@link AttemptRule} allows within its window, and how long a key that used them up stays
 * locked. A lock that follows another within a day lasts twice as long as the one before, up to {@code max-lock}.
 */
@ConfigurationProperties("app.security.attempts")
public class AttemptLimits {

    /** Wrong passwords for one user name (known or not). */
    private final Limit signInAccount = new Limit(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    /** Wrong passwords from one client address, whatever the user names. */
    private final Limit signInAddress = new Limit(30, Duration.ofMinutes(15), Duration.ofMinutes(15));
    /** Wrong typed check-in codes of one trainee for one lecture. */
    private final Limit checkInCode = new Limit(5, Duration.ofMinutes(10), Duration.ofMinutes(10));
    /** Sign-up submissions from one client address. */
    private final Limit signUpAddress = new Limit(10, Duration.ofMinutes(10), Duration.ofMinutes(10));
    /** Password-reset requests for one typed user name (known or not): each one mails a link. */
    private final Limit passwordResetAccount = new Limit(3, Duration.ofMinutes(30), Duration.ofMinutes(30));
    /** Password-reset requests from one client address, whatever the user names. */
    private final Limit passwordResetAddress = new Limit(10, Duration.ofMinutes(15), Duration.ofMinutes(15));
    private Duration maxLock = Duration.ofHours(4);

    public static class Limit {
        private int max;
        private Duration window;
        private Duration lock;

        Limit(int max, Duration window, Duration lock) {
            this.max = max;
            this.window = window;
            this.lock = lock;
        }

        public int getMax() {
            return max;
        }

        public void setMax(int max) {
            this.max = max;
        }

        public Duration getWindow() {
            return window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }

        public Duration getLock() {
            return lock;
        }

        public void setLock(Duration lock) {
            this.lock = lock;
        }
    }

    Limit of(AttemptRule rule) {
        return switch (rule) {
            case SIGN_IN_ACCOUNT -> signInAccount;
            case SIGN_IN_ADDRESS -> signInAddress;
            case CHECK_IN_CODE -> checkInCode;
            case SIGN_UP_ADDRESS -> signUpAddress;
            case PASSWORD_RESET_ACCOUNT -> passwordResetAccount;
            case PASSWORD_RESET_ADDRESS -> passwordResetAddress;
        };
    }

    public Limit getSignInAccount() {
        return signInAccount;
    }

    public Limit getSignInAddress() {
        return signInAddress;
    }

    public Limit getCheckInCode() {
        return checkInCode;
    }

    public Limit getSignUpAddress() {
        return signUpAddress;
    }

    public Limit getPasswordResetAccount() {
        return passwordResetAccount;
    }

    public Limit getPasswordResetAddress() {
        return passwordResetAddress;
    }

    public Duration getMaxLock() {
        return maxLock;
    }

    public void setMaxLock(Duration maxLock) {
        this.maxLock = maxLock;
    }
}
