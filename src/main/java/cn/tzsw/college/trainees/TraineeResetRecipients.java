package cn.tzsw.college.trainees;

import cn.tzsw.college.security.ResetRecipients;
import cn.tzsw.college.trainees.domain.Trainee;
import cn.tzsw.college.trainees.domain.TraineeRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A trainee's mail address for security's password-reset links. Internal and unsecured by role (the visitor who
 * asks is not signed in): only security's reset service calls it, and the address never reaches the visitor.
 */
@Component
@Transactional(readOnly = true)
class TraineeResetRecipients implements ResetRecipients {

    private final TraineeRepository trainees;

    TraineeResetRecipients(TraineeRepository trainees) {
        this.trainees = trainees;
    }

    @Override
    public Optional<Recipient> of(long accountId) {
        return trainees.findByAccountId(accountId).filter(t -> t.getEmail() != null && !t.getEmail().isBlank())
                .map((Trainee t) -> new Recipient(t.getName(), t.getEmail()));
    }
}
