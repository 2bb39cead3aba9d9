package cn.tzsw.college.security;

import cn.tzsw.college.security.domain.PasswordResetRepository;
import cn.tzsw.college.security.domain.UserAccount;
import cn.tzsw.college.security.domain.UserAccountRepository;
import cn.tzsw.college.shared.BusinessRuleException;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * 「忘记密码」: a trainee with a mail address on file asks for a one-time link and sets a new password with it. The
 * link carries 256 random bits; only their SHA-256 is stored, with an expiry ({@link #VALID_FOR}) and the moment it
 * was used, so it works once. What the visitor is told never depends on whether the account exists or has an
 * address: the request does the same lookups either way and returns nothing; a known address adds two short inserts,
 * a difference of milliseconds that the throttle (a few requests per user name and window) keeps from being measured.
 * Requests are throttled per typed user name and per client address like sign-ins. Open to visitors who are not
 * signed in (they forgot their password).
 */
@Service
@Validated
@Transactional
public class PasswordResets {

    public static final Duration VALID_FOR = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository accounts;
    private final ResetRecipients recipients;
    private final PasswordEncoder passwordEncoder;
    private final AttemptLimiter limiter;
    private final PasswordResetRepository links;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PasswordResets(UserAccountRepository accounts, ResetRecipients recipients, PasswordEncoder passwordEncoder,
                   AttemptLimiter limiter, PasswordResetRepository links, ApplicationEventPublisher events,
                   Clock clock) {
        this.accounts = accounts;
        this.recipients = recipients;
        this.passwordEncoder = passwordEncoder;
        this.limiter = limiter;
        this.links = links;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Mails a reset link if the user name is a trainee's account with a mail address; otherwise does nothing. The
     * caller tells every visitor the same. {@code clientAddress} is the connection's address.
     */
    public void request(String username, String clientAddress) {
        String typed = username == null ? "" : username.strip();
        limiter.attempt(AttemptRule.PASSWORD_RESET_ADDRESS, clientAddress, "passwordReset.tooMany");
        limiter.attempt(AttemptRule.PASSWORD_RESET_ACCOUNT, typed, "passwordReset.tooMany");
        Optional<UserAccount> account = typed.isEmpty() ? Optional.empty() : accounts.findByUsername(typed)
                .filter(a -> a.getRole() == Role.TRAINEE && a.isEnabled()
                        && !AccountService.IMPORTED_PASSWORD_HASH.equals(a.getPasswordHash()));
        Optional<ResetRecipients.Recipient> recipient = account.flatMap(a -> recipients.of(a.getId()));
        if (account.isEmpty() || recipient.isEmpty()) {
            return; // those without an address are told on the page to ask an administrator
        }
        String token = newToken();
        LocalDateTime now = now();
        LocalDateTime expires = now.plus(VALID_FOR);
        links.insert(account.get().getId(), hash(token), now, expires);
        events.publishEvent(new PasswordResetRequested(account.get().getId(), recipient.get().name(),
                recipient.get().email(), Locale.forLanguageTag(account.get().getLocale()), token, expires));
    }

    /** Whether the link can still be used (not used, not expired), for the page it opens. */
    @Transactional(readOnly = true)
    public boolean usable(String token) {
        return token != null && links.usable(hash(token), now());
    }

    /**
     * Sets the new password with the link, once: the conditional update lets exactly one use through, even two at
     * the same moment. Every other link of the account stops working too, and a sign-in lock on it is lifted
     * (the person has just proved they read the account's mail). Audited.
     */
    public void complete(String token, @Valid NewPassword password) {
        LocalDateTime now = now();
        String hash = hash(token == null ? "" : token);
        Long accountId = links.lockUsable(hash, now).orElse(null);
        if (accountId == null) {
            throw new BusinessRuleException("passwordReset.invalid");
        }
        links.useAll(accountId, now);
        UserAccount account = accounts.findById(accountId).orElseThrow();
        account.changePasswordHash(passwordEncoder.encode(password.getNewPassword()));
        limiter.clear(AttemptRule.SIGN_IN_ACCOUNT, account.getUsername());
        events.publishEvent(new PasswordResetByMail(account.getId(), account.getUsername()));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static String newToken() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
