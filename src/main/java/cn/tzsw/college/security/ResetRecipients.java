package cn.tzsw.college.security;

import java.util.Optional;

/**
 * Where a password-reset link for an account may be mailed. Security keeps no mail addresses; the capability that
 * holds a person's address (trainees) implements this. Internal and not secured by role: it is asked only by
 * {@link PasswordResets}, for an account the visitor named, and its answer never leaves the server.
 */
public interface ResetRecipients {

    /** The person's name and mail address, or empty when the account has no address on file. */
    Optional<Recipient> of(long accountId);

    record Recipient(String name, String email) {
    }
}
