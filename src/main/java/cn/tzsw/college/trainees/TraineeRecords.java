package cn.tzsw.college.trainees;

import cn.tzsw.college.security.AccountService;
import cn.tzsw.college.trainees.domain.Trainee;
import cn.tzsw.college.trainees.domain.TraineeBatch;
import cn.tzsw.college.trainees.domain.TraineeRepository;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trainees for machine callers: event listeners and background jobs that work without a signed-in user (the mail
 * dispatcher writing to them, a certificate issued after a completion). No role or region check, on purpose, so it
 * must not reach a view; a person's request goes through {@link TraineeService}, scoped to their region.
 */
@Component
@Transactional(readOnly = true)
public class TraineeRecords {

    private final TraineeRepository trainees;
    private final AccountService accounts;

    TraineeRecords(TraineeRepository trainees, AccountService accounts) {
        this.trainees = trainees;
        this.accounts = accounts;
    }

    public Optional<TraineeDetails> find(long traineeId) {
        return trainees.findById(traineeId).map(Trainee::toDetails);
    }

    /** Where and in which language to write to the trainee. */
    public Optional<TraineeContact> contact(long traineeId) {
        return Optional.ofNullable(contacts(List.of(traineeId)).get(traineeId));
    }

    /** The contacts of the trainees that exist, in two queries (plain rows: a mail batch reads hundreds). */
    public Map<Long, TraineeContact> contacts(Collection<Long> traineeIds) {
        List<TraineeBatch.Addressee> found = trainees.addressees(traineeIds);
        Map<Long, Locale> languages = accounts.languagesOf(found.stream().map(TraineeBatch.Addressee::accountId)
                .toList());
        return found.stream().collect(Collectors.toMap(TraineeBatch.Addressee::traineeId,
                t -> new TraineeContact(t.traineeId(), t.name(), t.email(), languages.get(t.accountId()))));
    }
}
