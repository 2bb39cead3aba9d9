package cn.tzsw.college.security;

import cn.tzsw.college.regions.Region;
import cn.tzsw.college.regions.RegionLevel;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.security.domain.UserAccount;
import cn.tzsw.college.security.domain.UserAccountRepository;
import cn.tzsw.college.shared.BusinessRuleException;
import jakarta.validation.Valid;
import java.util.EnumSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Accounts: trainee sign-up (through the trainees capability), staff accounts, the user list, language. */
@Service
@Validated
@Transactional
public class AccountService {

    private static final Set<RegionLevel> COORDINATOR_LEVELS = EnumSet.of(RegionLevel.CITY, RegionLevel.COUNTY,
            RegionLevel.TOWNSHIP);

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final RegionService regions;
    private final AuthenticatedUser authenticatedUser;

    AccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder, RegionService regions,
                   AuthenticatedUser authenticatedUser) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.regions = regions;
        this.authenticatedUser = authenticatedUser;
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

    /** A trainee's own account; the trainees capability calls this inside its sign-up transaction. */
    public long createTraineeAccount(String username, String rawPassword, String displayName, Locale locale) {
        if (accounts.existsByUsername(username)) {
            throw BusinessRuleException.onField("phone", "trainee.phone.taken");
        }
        UserAccount account = new UserAccount(username, passwordEncoder.encode(rawPassword), displayName,
                Role.TRAINEE, null, locale.toLanguageTag());
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
                data.getDisplayName().strip(), data.getRole(), regionCode, Locale.SIMPLIFIED_CHINESE.toLanguageTag());
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
        accounts.findAllById(accountIds).forEach(a -> languages.put(a.getId(), Locale.forLanguageTag(a.getLocale())));
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

    private static AccountSummary toSummary(UserAccount account) {
        return new AccountSummary(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole(),
                account.getRegionCode(), account.isEnabled(), account.getCreatedAt());
    }
}
