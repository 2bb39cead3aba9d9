package cn.tzsw.college.security;

import cn.tzsw.college.regions.Region;
import cn.tzsw.college.regions.RegionLevel;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.security.domain.UserAccount;
import cn.tzsw.college.security.domain.UserAccountRepository;
import cn.tzsw.college.shared.BusinessRuleException;
import jakarta.validation.Valid;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Accounts: trainee sign-up (through the trainees capability), staff accounts, the user list, passwords, language. */
@Service
@Validated
@Transactional
public class AccountService {

    /** Letters and digits that cannot be mistaken for each other when read out (no 0/O, 1/l/I). */
    private static final String RESET_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final int RESET_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<RegionLevel> COORDINATOR_LEVELS = EnumSet.of(RegionLevel.CITY, RegionLevel.COUNTY,
            RegionLevel.TOWNSHIP);

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final RegionService regions;
    private final AuthenticatedUser authenticatedUser;
    private final ApplicationEventPublisher events;
    private final AttemptLimiter limiter;
    private final Clock clock;

    AccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, RegionService regions,
                   AuthenticatedUser authenticatedUser, ApplicationEventPublisher events, AttemptLimiter limiter,
                   Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.regions = regions;
        this.authenticatedUser = authenticatedUser;
        this.events = events;
        this.limiter = limiter;
        this.clock = clock;
    }

    /**
     * The password hash of accounts created by a roster import: it matches no password (the delegating encoder's
     * bcrypt rejects it), so an imported person cannot sign in until they claim the account ({@link #activateImported}).
     */
    public static final String IMPORTED_PASSWORD_HASH = "{bcrypt}imported-no-password";

    /**
     * Gives an imported account its first password; false if it has one already (claimed before, or at the same
     * moment: the conditional update lets exactly one claim through). For the trainees capability's sign-up.
     */
    public boolean activateImported(long accountId, String rawPassword, Locale locale) {
        return accounts.replacePasswordHash(accountId, IMPORTED_PASSWORD_HASH, passwordEncoder.encode(rawPassword),
                locale.toLanguageTag()) == 1;
    }

    /** Of the given user names, those that are taken; for the trainees capability's roster import. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional(readOnly = true)
    public Set<String> takenUsernames(Collection<String> usernames) {
        return accounts.existingUsernames(usernames);
    }

    /**
     * Accounts for the trainees of a roster import, in one batch and without a password (claimed at sign-up, see
     * {@link #activateImported}); returns user name → account id. Runs in the import's transaction.
     */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public Map<String, Long> createImportedTraineeAccounts(List<NewTraineeAccount> newAccounts) {
        return newAccounts.isEmpty() ? Map.of() : accounts.insertTrainees(newAccounts, IMPORTED_PASSWORD_HASH);
    }

    /** A roster import's new mobile numbers (the user names) and names, in one batch. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public void renameAccounts(List<AccountRename> renames) {
        if (!renames.isEmpty()) {
            accounts.rename(renames);
        }
    }

    /** A trainee's own account; the trainees capability calls this inside its sign-up transaction. */
    public long createTraineeAccount(String username, String rawPassword, String displayName, Locale locale) {
        if (accounts.existsByUsername(username)) {
            throw BusinessRuleException.onField("phone", "trainee.phone.taken");
        }
        UserAccount account = new UserAccount(username, passwordEncoder.encode(rawPassword), displayName,
                Role.TRAINEE, null, locale.toLanguageTag(), LocalDateTime.now(clock));
        return accounts.save(account).getId();
    }

    /** Administrators create coordinators (bound to a city, county or township) and other staff. */
    @PreAuthorize("hasRole('ADMIN')")
    public long createStaff(@Valid StaffAccountData data) {
        if (data.getRole() == Role.TRAINEE) {
            throw BusinessRuleException.onField("role", "account.role.traineeBySignUp");
        }
        String regionCode = data.getRegionCode();
        if (data.getRole() == Role.COORDINATOR || regionCode != null) {
            Region region = regionCode == null ? null : regions.find(regionCode).orElse(null);
            if (region == null) {
                throw BusinessRuleException.onField("regionCode", "account.region.required");
            }
            if (data.getRole() == Role.COORDINATOR && !COORDINATOR_LEVELS.contains(region.level())) {
                throw BusinessRuleException.onField("regionCode", "account.region.coordinatorLevel");
            }
        }
        String username = data.getUsername().strip();
        if (accounts.existsByUsername(username)) {
            throw BusinessRuleException.onField("username", "account.username.taken");
        }
        UserAccount account = new UserAccount(username, passwordEncoder.encode(data.getPassword()),
                data.getDisplayName().strip(), data.getRole(), regionCode, Locale.SIMPLIFIED_CHINESE.toLanguageTag(),
                LocalDateTime.now(clock));
        return accounts.save(account).getId();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Page<AccountSummary> search(String text, Role role, Pageable pageable) {
        return accounts.search(text == null ? "" : text.strip(), role, pageable).map(AccountService::toSummary);
    }

    /** The languages accounts chose, for mails written to them (Chinese where none is known). */
    @Transactional(readOnly = true)
    public Map<Long, Locale> languagesOf(Collection<Long> accountIds) {
        Map<Long, Locale> languages = new HashMap<>();
        accountIds.forEach(id -> languages.put(id, Locale.SIMPLIFIED_CHINESE));
        accounts.localesOf(accountIds).forEach((id, locale) -> languages.put(id, Locale.forLanguageTag(locale)));
        return languages;
    }

    @Transactional(readOnly = true)
    public boolean usernameTaken(String username) {
        return accounts.existsByUsername(username);
    }

    /** Remembers the signed-in user's language, used for their mails. */
    @PreAuthorize("isAuthenticated()")
    public void changeLanguage(Locale locale) {
        accounts.findById(authenticatedUser.require().accountId())
                .ifPresent(account -> account.setLocale(locale.toLanguageTag()));
    }

    /** The signed-in user changes their own password; the current one must be given (a left-open session is not enough). */
    @PreAuthorize("isAuthenticated()")
    public void changeOwnPassword(@Valid PasswordChange change) {
        UserAccount account = accounts.findById(authenticatedUser.require().accountId()).orElseThrow();
        if (!passwordEncoder.matches(change.getCurrentPassword(), account.getPasswordHash())) {
            throw BusinessRuleException.onField("currentPassword", "account.password.wrong");
        }
        account.changePasswordHash(passwordEncoder.encode(change.getNewPassword()));
        events.publishEvent(new PasswordChanged(account.getId(), account.getUsername(), false));
    }

    /**
     * An administrator gives an account a new random password, for a person who forgot theirs (there is no SMS
     * here to reset it by phone). It is returned once, to be passed on in person or by phone, and never stored in
     * clear. An imported account that was never claimed stays to be claimed by sign-up.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public String resetPassword(long accountId) {
        UserAccount account = accounts.findById(accountId)
                .orElseThrow(() -> new BusinessRuleException("account.notFound"));
        if (IMPORTED_PASSWORD_HASH.equals(account.getPasswordHash())) {
            throw new BusinessRuleException("account.password.unclaimed");
        }
        StringBuilder password = new StringBuilder(RESET_LENGTH);
        for (int i = 0; i < RESET_LENGTH; i++) {
            password.append(RESET_ALPHABET.charAt(RANDOM.nextInt(RESET_ALPHABET.length())));
        }
        account.changePasswordHash(passwordEncoder.encode(password));
        events.publishEvent(new PasswordChanged(account.getId(), account.getUsername(), true));
        return password.toString();
    }

    /** The sign-in locks that hold now, of user names (known or not) and of client addresses, the longest first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AttemptLock> signInLocks() {
        return limiter.locks(EnumSet.of(AttemptRule.SIGN_IN_ACCOUNT, AttemptRule.SIGN_IN_ADDRESS));
    }

    /**
     * An administrator lifts a sign-in lock before its time, e.g. for a person who called in; the count of wrong
     * passwords starts again. Audited.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void liftSignInLock(AttemptRule rule, String subject) {
        if (!rule.signIn()) {
            throw new BusinessRuleException("account.lock.notSignIn");
        }
        limiter.clear(rule, subject);
        events.publishEvent(new AttemptLockLifted(rule, subject));
    }

    private static AccountSummary toSummary(UserAccount account) {
        return new AccountSummary(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole(),
                account.getRegionCode(), account.isEnabled(), account.getCreatedAt());
    }
}
