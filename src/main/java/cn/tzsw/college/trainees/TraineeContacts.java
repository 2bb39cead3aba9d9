package cn.tzsw.college.trainees;

import cn.tzsw.college.security.AccountService;
import cn.tzsw.college.trainees.domain.Trainee;
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
 * Where and in which language to write to trainees, for background callers without a signed-in user
 * (notification's listeners and its dispatcher). Internal API: no role check, so it must not reach a view; people
 * see trainees through {@link TraineeService}, scoped to their region.
 */
@Component
@Transactional(readOnly = true)
public class TraineeContacts {

    private final TraineeRepository trainees;
    private final AccountService accounts;

    TraineeContacts(TraineeRepository trainees, AccountService accounts) {
        this.trainees = trainees;
        this.accounts = accounts;
    }

    public Optional<TraineeContact> of(long traineeId) {
        return Optional.ofNullable(of(List.of(traineeId)).get(traineeId));
    }

    /** The contacts of the trainees that exist, in two queries. */
    public Map<Long, TraineeContact> of(Collection<Long> traineeIds) {
        List<Trainee> found = trainees.findAllById(traineeIds);
        Map<Long, Locale> languages = accounts.languagesOf(found.stream().map(Trainee::getAccountId).toList());
        return found.stream().collect(Collectors.toMap(Trainee::getId,
                t -> new TraineeContact(t.getId(), t.getName(), t.getEmail(), languages.get(t.getAccountId()))));
    }
}
