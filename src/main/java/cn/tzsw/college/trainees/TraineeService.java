package cn.tzsw.college.trainees;

import cn.tzsw.college.audit.AuditTrail;
import cn.tzsw.college.regions.Region;
import cn.tzsw.college.regions.RegionLevel;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.security.AccessScope;
import cn.tzsw.college.security.AccountService;
import cn.tzsw.college.security.AttemptLimiter;
import cn.tzsw.college.security.AttemptRule;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.IdNumber;
import cn.tzsw.college.shared.RegionCodes;
import cn.tzsw.college.trainees.domain.Trainee;
import cn.tzsw.college.trainees.domain.TraineeRepository;
import jakarta.validation.Valid;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Trainees: self-registration, and the region-scoped directory for administrators and coordinators. */
@Service
@Validated
@Transactional(readOnly = true)
public class TraineeService {

    private final TraineeRepository trainees;
    private final AccountService accounts;
    private final RegionService regions;
    private final AccessScope scope;
    private final AuthenticatedUser authenticatedUser;
    private final AuditTrail audit;
    private final AttemptLimiter limiter;

    TraineeService(TraineeRepository trainees, AccountService accounts, RegionService regions,
                   AccessScope scope, AuthenticatedUser authenticatedUser, AuditTrail audit, AttemptLimiter limiter) {
        this.audit = audit;
        this.limiter = limiter;
        this.trainees = trainees;
        this.accounts = accounts;
        this.regions = regions;
        this.scope = scope;
        this.authenticatedUser = authenticatedUser;
    }

    /**
     * Registers a social worker and their sign-in account (user name = mobile number). Open to anonymous
     * visitors; every rule is checked here, whatever the form did. A social worker whom a coordinator imported
     * claims that profile this way: same name, ID number and phone, and the account has no password yet; the
     * account gets the password and the profile stays as the roster has it (an e-mail address is added if it had
     * none).
     * <p>
     * The refusals say whether an ID number or phone is registered, which helps a person who forgot having signed
     * up; so that nobody can test numbers in bulk this way, sign-ups are limited per client address
     * ({@code clientAddress}: the visitor's; null for sign-ups the platform makes itself, e.g. the demo data).
     */
    @Transactional
    public long signUp(@Valid TraineeSignUp signUp, Locale locale, String clientAddress) {
        if (clientAddress != null) {
            limiter.attempt(AttemptRule.SIGN_UP_ADDRESS, clientAddress, "signUp.tooMany");
        }
        IdNumber idNumber = IdNumber.of(signUp.getIdNumber());
        String phone = signUp.getPhone().strip();
        String email = signUp.getEmail() == null || signUp.getEmail().isBlank() ? null : signUp.getEmail().strip();
        Region region = regions.find(signUp.getRegionCode())
                .filter(r -> r.level() == RegionLevel.TOWNSHIP || r.level() == RegionLevel.VILLAGE)
                .orElseThrow(() -> BusinessRuleException.onField("regionCode", "trainee.region.level"));
        Optional<Trainee> registered = trainees.findByIdNumber(idNumber.value());
        if (registered.isPresent()) {
            Trainee trainee = registered.get();
            boolean claimed = trainee.getPhone().equals(phone) && trainee.getName().equals(signUp.getName().strip())
                    && accounts.activateImported(trainee.getAccountId(), signUp.getPassword(), locale);
            if (!claimed) {
                throw BusinessRuleException.onField("idNumber", "trainee.idNumber.taken");
            }
            trainee.addEmailIfMissing(email);
            return trainee.getId();
        }
        if (trainees.existsByPhone(phone) || accounts.usernameTaken(phone)) {
            throw BusinessRuleException.onField("phone", "trainee.phone.taken");
        }
        String name = signUp.getName().strip();
        long accountId = accounts.createTraineeAccount(phone, signUp.getPassword(), name, locale);
        try {
            return trainees.saveAndFlush(new Trainee(accountId, name, idNumber, phone, email, signUp.getWorkUnit().strip(),
                    region.code(), signUp.getCertificateLevel(), signUp.getPeriodStart())).getId();
        } catch (DataIntegrityViolationException e) {
            // Two sign-ups with the same numbers at the same moment: the unique keys decide.
            throw BusinessRuleException.onField("idNumber", "trainee.idNumber.taken");
        }
    }

    /** A trainee inside the caller's subtree; anything else (missing or foreign) is the same access error. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public TraineeDetails get(long id) {
        return trainees.findById(id).filter(t -> scope.canSee(t.getRegionCode())).map(Trainee::toDetails)
                .orElseThrow(() -> new AccessDeniedException("trainee not accessible"));
    }

    /**
     * One page of the trainees the caller may see, optionally narrowed to a region (which must itself be
     * inside the caller's subtree) and a name, phone or ID number.
     */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public Page<TraineeSummary> search(String text, String regionCode, Pageable pageable) {
        return search(text, regionCode, List.of(), pageable);
    }

    /** As {@link #search(String, String, Pageable)}, leaving the given trainees out (those already on a roster). */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public Page<TraineeSummary> search(String text, String regionCode, Collection<Long> excluded, Pageable pageable) {
        String prefix;
        if (regionCode != null && !regionCode.isBlank()) {
            scope.requireVisible(regionCode);
            prefix = RegionCodes.subtreePrefix(regionCode);
        } else {
            prefix = scope.visiblePrefix().orElse("");
        }
        String query = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        Pageable ordered = pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("name", "id"));
        // "not in ()" is no valid SQL: an id that no trainee has stands for "nobody".
        return trainees.search(prefix, query, excluded.isEmpty() ? List.of(-1L) : excluded, ordered)
                .map(Trainee::toSummary);
    }

    /** Several trainees by id, for rosters; administrators see everyone, coordinators their subtree. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public Map<Long, TraineeSummary> summaries(Collection<Long> ids) {
        return trainees.findAllById(ids).stream().filter(t -> scope.canSee(t.getRegionCode()))
                .collect(Collectors.toMap(Trainee::getId, Trainee::toSummary));
    }

    /** The email address on file (for the edit form); same scope as {@link #get}. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public TraineeEdit editData(long id) {
        Trainee trainee = visible(id);
        return TraineeEdit.of(trainee.toDetails(), trainee.getEmail());
    }

    /**
     * Administrators and coordinators correct a profile inside their subtree; a coordinator cannot move a trainee
     * out of it, and the new unit must be a township or village.
     */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public void update(long id, @Valid TraineeEdit edit) {
        Trainee trainee = visible(id);
        Region region = regions.find(edit.getRegionCode())
                .filter(r -> r.level() == RegionLevel.TOWNSHIP || r.level() == RegionLevel.VILLAGE)
                .orElseThrow(() -> BusinessRuleException.onField("regionCode", "trainee.region.level"));
        if (!scope.canSee(region.code())) {
            throw BusinessRuleException.onField("regionCode", "trainee.region.outsideScope");
        }
        String email = edit.getEmail() == null || edit.getEmail().isBlank() ? null : edit.getEmail().strip();
        trainee.update(edit.getName().strip(), email, edit.getWorkUnit().strip(), region.code(),
                edit.getCertificateLevel(), edit.getPeriodStart());
        audit.record("EDIT_TRAINEE", "trainee", id, null);
    }

    /** The full ID number, for a deliberate look (the detail page's 显示完整 button); audited. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public String revealIdNumber(long id) {
        Trainee trainee = visible(id);
        audit.record("REVEAL_ID_NUMBER", "trainee", id, null);
        return trainee.getIdNumber();
    }

    /** The full mobile number, for a deliberate look; audited. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public String revealPhone(long id) {
        Trainee trainee = visible(id);
        audit.record("REVEAL_PHONE", "trainee", id, null);
        return trainee.getPhone();
    }

    private Trainee visible(long id) {
        return trainees.findById(id).filter(t -> scope.canSee(t.getRegionCode()))
                .orElseThrow(() -> new AccessDeniedException("trainee not accessible"));
    }

    /** The signed-in trainee's own profile. */
    @PreAuthorize("hasRole('TRAINEE')")
    public Optional<TraineeDetails> mine() {
        return trainees.findByAccountId(authenticatedUser.require().accountId()).map(Trainee::toDetails);
    }
}
