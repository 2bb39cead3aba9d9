package cn.tzsw.college.security;

import java.time.LocalDateTime;
import java.util.Locale;

/**
 * A visitor asked for a password-reset link for an account that has a mail address. Published inside the request's
 * transaction, to a listener that writes the mail to the outbox in that same transaction: the raw token exists only
 * in this event and in the mail, never in the database's token table or the event registry.
 */
public record PasswordResetRequested(long accountId, String name, String email, Locale locale, String token,
                                     LocalDateTime expiresAt) {
}
