package cn.tzsw.college.registration;

import cn.tzsw.college.registration.domain.Registration;
import cn.tzsw.college.registration.domain.RegistrationRepository;
import cn.tzsw.college.shared.TraineeLecture;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where registrations stand, for background callers without a signed-in user (notification's listeners and its
 * dispatcher) and for the lecture-state computation, which checks the caller itself. Internal API: no role check, because it answers with ids and statuses only; people reach the same
 * facts through {@link RegistrationService}.
 */
@Component
@Transactional(readOnly = true)
public class RegistrationStatuses {

    private final RegistrationRepository registrations;

    RegistrationStatuses(RegistrationRepository registrations) {
        this.registrations = registrations;
    }

    /** The current status of the registrations that exist. */
    public Map<Long, RegistrationStatus> of(Collection<Long> registrationIds) {
        return registrations.statuses(registrationIds);
    }

    /** The status of each registration among these trainees and lectures. */
    public Map<TraineeLecture, RegistrationStatus> among(Collection<Long> traineeIds, Collection<Long> lectureIds) {
        if (traineeIds.isEmpty() || lectureIds.isEmpty()) {
            return Map.of();
        }
        return registrations.findByTraineeIdInAndLectureIdIn(traineeIds, lectureIds).stream()
                .collect(Collectors.toMap(r -> new TraineeLecture(r.getTraineeId(), r.getLectureId()),
                        Registration::getStatus));
    }

    /** Trainees on the lecture's roster or in its line. */
    public List<Long> activeTraineeIds(long lectureId) {
        return registrations.traineeIds(lectureId, RegistrationStatus.ACTIVE);
    }
}
