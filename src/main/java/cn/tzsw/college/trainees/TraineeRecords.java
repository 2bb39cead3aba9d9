package cn.tzsw.college.trainees;

import cn.tzsw.college.trainees.domain.Trainee;
import cn.tzsw.college.trainees.domain.TraineeRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trainee profiles for machine callers: event listeners and background jobs that work without a signed-in user
 * (e.g. a certificate issued after a completion). No role or region check, on purpose; a person's request goes
 * through {@link TraineeService}, never through this.
 */
@Component
@Transactional(readOnly = true)
public class TraineeRecords {

    private final TraineeRepository trainees;

    TraineeRecords(TraineeRepository trainees) {
        this.trainees = trainees;
    }

    public Optional<TraineeDetails> find(long traineeId) {
        return trainees.findById(traineeId).map(Trainee::toDetails);
    }
}
