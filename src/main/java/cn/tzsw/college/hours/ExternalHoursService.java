package cn.tzsw.college.hours;

import static cn.tzsw.college.shared.MagicBytes.starts;

import cn.tzsw.college.audit.AuditTrail;
import cn.tzsw.college.hours.domain.HoursEntryRepository;
import cn.tzsw.college.hours.domain.HoursEntryRepository.EvidenceFile;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.trainees.TraineeService;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Hours earned outside the platform, recorded by administrators with a piece of evidence. They sit in the same
 * ledger as lecture hours and count the same way. A degree counts once per trainee: a unique key on the ledger
 * decides, so two administrators recording it at the same moment end with one entry.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class ExternalHoursService {

    private static final String NOT_ACCESSIBLE = "hours entry not accessible";

    private final HoursEntryRepository ledger;
    private final TraineeService trainees;
    private final AuditTrail audit;
    private final AuthenticatedUser authenticatedUser;
    private final HoursProperties properties;
    private final Clock clock;

    ExternalHoursService(HoursEntryRepository ledger, TraineeService trainees, AuditTrail audit,
                         AuthenticatedUser authenticatedUser, HoursProperties properties, Clock clock) {
        this.ledger = ledger;
        this.trainees = trainees;
        this.audit = audit;
        this.authenticatedUser = authenticatedUser;
        this.properties = properties;
        this.clock = clock;
    }

    /** Records the hours with their evidence (PDF, PNG or JPEG); returns the new ledger entry's id. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long record(long traineeId, @Valid ExternalHoursData data, String evidenceName, byte[] evidence) {
        trainees.get(traineeId); // in scope, or the same refusal as for a missing trainee
        String extension = checkEvidence(evidenceName, evidence);
        BigDecimal hours = data.getSource() == HoursSource.DEGREE ? properties.degreeHours() : data.getHours();
        Path stored = store(evidence, extension);
        try {
            long id = ledger.insertExternal(traineeId, data.getTitle().strip(), data.getSource(), hours,
                    data.getEarnedOn(), LocalDateTime.now(clock), authenticatedUser.require().username(),
                    data.getNote() == null || data.getNote().isBlank() ? null : data.getNote().strip(),
                    properties.evidenceDir().relativize(stored).toString(), evidenceName);
            audit.record("RECORD_EXTERNAL_HOURS", "trainee", traineeId, data.getSource() + " " + hours + " h: " + data.getTitle());
            return id;
        } catch (DuplicateKeyException e) {
            delete(stored);
            throw new BusinessRuleException("hours.degree.once");
        } catch (RuntimeException e) {
            delete(stored);
            throw e;
        }
    }

    /** The evidence of a ledger entry, for administrators and coordinators who may see the trainee. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public Optional<Evidence> evidence(long entryId) {
        EvidenceFile row = ledger.evidence(entryId).orElseThrow(() -> new AccessDeniedException(NOT_ACCESSIBLE));
        try {
            trainees.get(row.traineeId());
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(NOT_ACCESSIBLE); // the same words as for a missing entry
        }
        if (row.path() == null) {
            return Optional.empty();
        }
        Path file = properties.evidenceDir().resolve(row.path()).normalize();
        if (!file.startsWith(properties.evidenceDir().normalize()) || !Files.exists(file)) {
            return Optional.empty();
        }
        try {
            byte[] content = Files.readAllBytes(file);
            return Optional.of(new Evidence(row.name(), contentType(content), content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String checkEvidence(String name, byte[] content) {
        if (content == null || content.length == 0) {
            throw BusinessRuleException.onField("evidence", "hours.evidence.required");
        }
        if (content.length > properties.evidenceMaxSize().toBytes()) {
            throw BusinessRuleException.onField("evidence", "hours.evidence.tooLarge",
                    properties.evidenceMaxSize().toMegabytes());
        }
        String type = contentType(content);
        if (type == null) {
            throw BusinessRuleException.onField("evidence", "hours.evidence.type");
        }
        return switch (type) {
            case "application/pdf" -> "pdf";
            case "image/png" -> "png";
            default -> "jpg";
        };
    }

    /** By the file's first bytes, not its name: PDF, PNG or JPEG; anything else is null. */
    static String contentType(byte[] content) {
        if (starts(content, 0x25, 0x50, 0x44, 0x46)) {
            return "application/pdf";
        }
        if (starts(content, 0x89, 0x50, 0x4E, 0x47)) {
            return "image/png";
        }
        if (starts(content, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        return null;
    }

    private Path store(byte[] content, String extension) {
        try {
            Path folder = properties.evidenceDir().resolve(String.valueOf(LocalDateTime.now(clock).getYear()));
            Files.createDirectories(folder);
            Path file = folder.resolve(UUID.randomUUID() + "." + extension.toLowerCase(Locale.ROOT));
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // an orphan file is harmless; the ledger entry is what counts
        }
    }
}
