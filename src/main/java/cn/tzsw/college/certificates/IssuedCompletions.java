package cn.tzsw.college.certificates;

import cn.tzsw.college.certificates.domain.CertificateStore;
import cn.tzsw.college.shared.TraineeLecture;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which lectures have a completion certificate in force (issued, not revoked), for the lecture-state computation.
 * Internal API without a role check: the caller checks who may ask; it answers with ids only.
 */
@Component
@Transactional(readOnly = true)
public class IssuedCompletions {

    private final CertificateStore store;

    IssuedCompletions(CertificateStore store) {
        this.store = store;
    }

    public Set<TraineeLecture> among(Collection<Long> traineeIds, Collection<Long> lectureIds) {
        return traineeIds.isEmpty() || lectureIds.isEmpty() ? Set.of() : store.completions(traineeIds, lectureIds);
    }
}
