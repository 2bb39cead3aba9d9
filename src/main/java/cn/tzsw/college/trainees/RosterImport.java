package cn.tzsw.college.trainees;

import cn.tzsw.college.audit.AuditTrail;
import cn.tzsw.college.regions.Region;
import cn.tzsw.college.regions.RegionLevel;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.security.AccessScope;
import cn.tzsw.college.security.AccountRename;
import cn.tzsw.college.security.AccountService;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.CurrentUser;
import cn.tzsw.college.security.NewTraineeAccount;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.CertificateLevel;
import cn.tzsw.college.shared.IdNumber;
import cn.tzsw.college.shared.PhoneNumber;
import cn.tzsw.college.trainees.domain.TraineeBatch;
import cn.tzsw.college.trainees.domain.TraineeRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roster import: a CSV or Excel file of trainees, checked line by line (ID check digit and birth date, phone,
 * region inside the importer's subtree, duplicates in the file and against the database), then written all at once
 * or not at all. New trainees get an account named by their phone whose password matches nothing, until they
 * claim it by signing up with the same name, ID number and phone ({@link TraineeService#signUp}). Writing is
 * batches ({@link TraineeBatch}, {@link AccountService#createImportedTraineeAccounts}): 10,000 lines in a few
 * seconds, no password hashing per line.
 */
@Service
@Transactional(readOnly = true)
public class RosterImport {

    private static final int CHUNK = 500;
    private static final Pattern NAME = Pattern.compile("^[\\p{IsHan}·A-Za-z ]{2,30}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PATH_SEPARATOR = Pattern.compile("\\s*[/／\\\\>＞]\\s*");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.BASIC_ISO_DATE,
            DateTimeFormatter.ofPattern("yyyy年M月d日"));

    private final TraineeRepository trainees;
    private final RegionService regions;
    private final AccessScope scope;
    private final AuthenticatedUser authenticatedUser;
    private final AuditTrail audit;
    private final AccountService accounts;
    private final RosterImportProperties properties;
    private final Clock clock;

    RosterImport(TraineeRepository trainees, RegionService regions, AccessScope scope,
                 AuthenticatedUser authenticatedUser, AuditTrail audit, AccountService accounts,
                 RosterImportProperties properties, Clock clock) {
        this.trainees = trainees;
        this.regions = regions;
        this.scope = scope;
        this.authenticatedUser = authenticatedUser;
        this.audit = audit;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /** Reports how far the import got: rows written so far of all rows. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    /** The preview: every line checked, nothing written. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public ImportReport check(byte[] content, ImportMode mode) {
        Analysis analysis = analyse(content, mode);
        return analysis.report(false);
    }

    /**
     * Checks the file again (whatever a preview said) and writes it in one transaction when every line is valid;
     * otherwise writes nothing and returns the problems.
     */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    @Transactional
    public ImportReport run(byte[] content, ImportMode mode, Progress progress) {
        Analysis analysis = analyse(content, mode);
        if (!analysis.problems.isEmpty()) {
            return analysis.report(false);
        }
        Progress report = progress == null ? (done, total) -> { } : progress;
        int total = analysis.rows.size();
        int done = 0;
        try {
            List<Row> creates = analysis.rows.stream().filter(r -> r.existing == null).toList();
            for (int from = 0; from < creates.size(); from += CHUNK) {
                List<Row> chunk = creates.subList(from, Math.min(creates.size(), from + CHUNK));
                insert(chunk);
                done += chunk.size();
                report.update(done, total);
            }
            List<Row> updates = analysis.rows.stream().filter(r -> r.existing != null).toList();
            for (int from = 0; from < updates.size(); from += CHUNK) {
                List<Row> chunk = updates.subList(from, Math.min(updates.size(), from + CHUNK));
                update(chunk);
                done += chunk.size();
                report.update(done, total);
            }
        } catch (DataIntegrityViolationException e) {
            // Somebody registered one of these numbers since the check: the whole file is rolled back.
            throw new BusinessRuleException("roster.import.conflict");
        }
        audit.record("IMPORT_ROSTER", "trainee", "*", "%d new, %d updated".formatted(analysis.creates(),
                analysis.updates()));
        return analysis.report(true);
    }

    // --- checking -----------------------------------------------------------------------------------------

    private static final class Row {
        final int line;
        String name, idNumber, phone, email, workUnit, regionCode;
        CertificateLevel level;
        LocalDate periodStart;
        IdNumber id;
        TraineeBatch.Existing existing;

        Row(int line) {
            this.line = line;
        }

        /** Only certified workers have a registration period. */
        LocalDate certifiedPeriodStart() {
            return level.certified() ? periodStart : null;
        }
    }

    private final class Analysis {
        final List<Row> rows = new ArrayList<>();
        final List<RowProblem> problems = new ArrayList<>();
        int lines;

        int creates() {
            return (int) rows.stream().filter(r -> r.existing == null).count();
        }

        int updates() {
            return rows.size() - creates();
        }

        ImportReport report(boolean written) {
            return new ImportReport(lines, creates(), updates(), problems, written);
        }
    }

    private Analysis analyse(byte[] content, ImportMode mode) {
        CurrentUser user = authenticatedUser.require();
        if (mode == ImportMode.UPDATE && user.role() != Role.ADMIN) {
            throw new BusinessRuleException("roster.import.updateAdminsOnly");
        }
        List<RosterReader.Line> lines = RosterReader.read(content, properties.maxFileSize().toBytes(),
                properties.maxRows());
        String root = user.role() == Role.COORDINATOR ? user.regionCode() : regions.home().code();
        RegionResolver resolver = new RegionResolver(root);
        LocalDate today = LocalDate.now(clock);
        Analysis analysis = new Analysis();
        analysis.lines = lines.size();
        Map<String, Integer> idLines = new HashMap<>();
        Map<String, Integer> phoneLines = new HashMap<>();
        List<Row> candidates = new ArrayList<>();
        for (RosterReader.Line line : lines) {
            List<RowProblem> problems = new ArrayList<>();
            Row row = parse(line, resolver, today, problems);
            if (row.id != null) {
                Integer first = idLines.putIfAbsent(row.id.value(), line.number());
                if (first != null) {
                    problems.add(problem(line, RosterColumn.ID_NUMBER, "roster.row.duplicateInFile", first));
                }
            }
            if (row.phone != null) {
                Integer first = phoneLines.putIfAbsent(row.phone, line.number());
                if (first != null) {
                    problems.add(problem(line, RosterColumn.PHONE, "roster.row.duplicateInFile", first));
                }
            }
            if (problems.isEmpty()) {
                candidates.add(row);
            } else {
                analysis.problems.addAll(problems);
            }
        }
        checkAgainstDatabase(candidates, mode, analysis);
        analysis.problems.sort(java.util.Comparator.comparingInt(RowProblem::line));
        return analysis;
    }

    private Row parse(RosterReader.Line line, RegionResolver resolver, LocalDate today, List<RowProblem> problems) {
        Row row = new Row(line.number());
        row.name = line.get(RosterColumn.NAME);
        if (row.name.isEmpty()) {
            problems.add(problem(line, RosterColumn.NAME, "roster.row.required"));
        } else if (!NAME.matcher(row.name).matches()) {
            problems.add(problem(line, RosterColumn.NAME, "validation.name.pattern"));
        }
        String id = line.get(RosterColumn.ID_NUMBER);
        Optional<IdNumber.Problem> idProblem = IdNumber.check(id);
        if (id.isEmpty()) {
            problems.add(problem(line, RosterColumn.ID_NUMBER, "roster.row.required"));
        } else if (idProblem.isPresent()) {
            problems.add(problem(line, RosterColumn.ID_NUMBER, idProblem.get().messageKey()));
        } else {
            row.id = IdNumber.of(id);
        }
        String phone = line.get(RosterColumn.PHONE).replace(" ", "").replace("-", "");
        if (phone.isEmpty()) {
            problems.add(problem(line, RosterColumn.PHONE, "roster.row.required"));
        } else if (!PhoneNumber.isValid(phone)) {
            problems.add(problem(line, RosterColumn.PHONE, "validation.phone.invalid"));
        } else {
            row.phone = phone;
        }
        String region = line.get(RosterColumn.REGION);
        if (region.isEmpty()) {
            problems.add(problem(line, RosterColumn.REGION, "roster.row.required"));
        } else {
            Optional<Region> found = resolver.resolve(region);
            if (found.isEmpty()) {
                problems.add(problem(line, RosterColumn.REGION, "roster.row.regionUnknown", region));
            } else if (!scope.canSee(found.get().code())) {
                problems.add(problem(line, RosterColumn.REGION, "roster.row.regionOutsideScope", region));
            } else if (found.get().level() != RegionLevel.TOWNSHIP && found.get().level() != RegionLevel.VILLAGE) {
                problems.add(problem(line, RosterColumn.REGION, "trainee.region.level"));
            } else {
                row.regionCode = found.get().code();
            }
        }
        row.workUnit = line.get(RosterColumn.WORK_UNIT);
        if (row.workUnit.isEmpty()) {
            problems.add(problem(line, RosterColumn.WORK_UNIT, "roster.row.required"));
        } else if (row.workUnit.length() > 100) {
            problems.add(problem(line, RosterColumn.WORK_UNIT, "roster.row.tooLong", 100));
        }
        row.level = level(line.get(RosterColumn.LEVEL));
        if (row.level == null) {
            problems.add(problem(line, RosterColumn.LEVEL, "roster.row.level", line.get(RosterColumn.LEVEL)));
        }
        String start = line.get(RosterColumn.PERIOD_START);
        if (!start.isEmpty()) {
            row.periodStart = date(start);
            if (row.periodStart == null) {
                problems.add(problem(line, RosterColumn.PERIOD_START, "roster.row.date", start));
            } else if (row.periodStart.isAfter(today)) {
                problems.add(problem(line, RosterColumn.PERIOD_START, "roster.row.dateInFuture"));
            }
        } else if (row.level != null && row.level.certified()) {
            problems.add(problem(line, RosterColumn.PERIOD_START, "validation.periodStart.required"));
        }
        String email = line.get(RosterColumn.EMAIL);
        if (!email.isEmpty() && (email.length() > 120 || !EMAIL.matcher(email).matches())) {
            problems.add(problem(line, RosterColumn.EMAIL, "jakarta.validation.constraints.Email.message"));
        }
        row.email = email.isEmpty() ? null : email;
        return row;
    }

    private void checkAgainstDatabase(List<Row> rows, ImportMode mode, Analysis analysis) {
        Map<String, TraineeBatch.Existing> byId = new HashMap<>();
        Map<String, Long> traineeByPhone = new HashMap<>();
        Set<String> usernames = new HashSet<>();
        for (int from = 0; from < rows.size(); from += 1000) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + 1000));
            List<String> ids = chunk.stream().map(r -> r.id.value()).toList();
            List<String> phones = chunk.stream().map(r -> r.phone).toList();
            byId.putAll(trainees.existingByIdNumber(ids));
            traineeByPhone.putAll(trainees.idsByPhone(phones));
            usernames.addAll(accounts.takenUsernames(phones));
        }
        for (Row row : rows) {
            TraineeBatch.Existing existing = byId.get(row.id.value());
            if (existing != null) {
                if (mode != ImportMode.UPDATE || !scope.canSee(existing.regionCode())) {
                    analysis.problems.add(new RowProblem(row.line, RosterColumn.ID_NUMBER, "roster.row.exists", List.of()));
                    continue;
                }
                Long phoneOwner = traineeByPhone.get(row.phone);
                boolean phoneFree = row.phone.equals(existing.phone())
                        || (phoneOwner == null && !usernames.contains(row.phone));
                if (!phoneFree) {
                    analysis.problems.add(new RowProblem(row.line, RosterColumn.PHONE, "roster.row.phoneTaken", List.of()));
                    continue;
                }
                row.existing = existing;
            } else if (traineeByPhone.containsKey(row.phone) || usernames.contains(row.phone)) {
                analysis.problems.add(new RowProblem(row.line, RosterColumn.PHONE, "roster.row.phoneTaken", List.of()));
                continue;
            }
            analysis.rows.add(row);
        }
    }

    private static RowProblem problem(RosterReader.Line line, RosterColumn column, String key, Object... args) {
        return new RowProblem(line.number(), column, key, List.of(args));
    }

    /** Accepts the level's enum name, its Chinese title, or a few common short forms. */
    static CertificateLevel level(String text) {
        String value = text.strip().replace(" ", "");
        if (value.isEmpty()) {
            return CertificateLevel.NONE;
        }
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "NONE", "无", "未持证", "-" -> CertificateLevel.NONE;
            case "ASSISTANT", "助理社会工作师", "助理社工师", "初级" -> CertificateLevel.ASSISTANT;
            case "INTERMEDIATE", "社会工作师", "社工师", "中级" -> CertificateLevel.INTERMEDIATE;
            case "SENIOR", "高级社会工作师", "高级社工师", "高级" -> CertificateLevel.SENIOR;
            default -> null;
        };
    }

    static LocalDate date(String text) {
        String value = text.strip();
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    /** A 12-digit code, or a name path (椒江区/海门街道/东山社区) under the importer's home unit; memoised. */
    private final class RegionResolver {
        private final Region root;
        private final Map<String, Optional<Region>> resolved = new HashMap<>();
        private final Map<String, List<Region>> children = new HashMap<>();

        RegionResolver(String rootCode) {
            this.root = regions.get(rootCode);
        }

        Optional<Region> resolve(String text) {
            return resolved.computeIfAbsent(text, this::lookUp);
        }

        private Optional<Region> lookUp(String text) {
            if (text.matches("\\d{12}")) {
                return regions.find(text);
            }
            List<String> names = new ArrayList<>(List.of(PATH_SEPARATOR.split(text.strip())));
            names.removeIf(String::isBlank);
            // The path may start at the home unit itself or above it (浙江省/台州市/...).
            List<Region> rootPath = regions.path(root.code());
            while (!names.isEmpty() && rootPath.stream().anyMatch(r -> r.name().equals(names.getFirst()))) {
                names.removeFirst();
            }
            Region current = root;
            for (String name : names) {
                Region next = children.computeIfAbsent(current.code(), regions::children).stream()
                        .filter(r -> r.name().equals(name)).findFirst().orElse(null);
                if (next == null) {
                    return Optional.empty();
                }
                current = next;
            }
            return names.isEmpty() ? Optional.empty() : Optional.of(current);
        }
    }

    // --- writing ------------------------------------------------------------------------------------------

    private void insert(List<Row> rows) {
        Map<String, Long> accountIds = accounts.createImportedTraineeAccounts(
                rows.stream().map(r -> new NewTraineeAccount(r.phone, r.name)).toList());
        trainees.insertAll(rows.stream().map(r -> new TraineeBatch.NewTrainee(accountIds.get(r.phone), r.name, r.id,
                r.phone, r.email, r.workUnit, r.regionCode, r.level, r.certifiedPeriodStart())).toList());
    }

    private void update(List<Row> rows) {
        trainees.updateAll(rows.stream().map(r -> new TraineeBatch.Change(r.existing.traineeId(), r.name, r.phone,
                r.email, r.workUnit, r.regionCode, r.level, r.certifiedPeriodStart())).toList());
        accounts.renameAccounts(rows.stream()
                .map(r -> new AccountRename(r.existing.accountId(), r.phone, r.name)).toList());
    }
}
