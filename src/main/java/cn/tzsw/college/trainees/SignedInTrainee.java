package cn.tzsw.college.trainees;

import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.trainees.domain.TraineeRefQuery;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The signed-in trainee's id and region, for hot paths such as registering for a lecture. Deliberately a plain
 * component, not a secured, validated, transactional service method: it reads only the caller's own row with one
 * indexed query, inside the caller's transaction, and those proxies cost more than the query (profile of the
 * registration burst).
 */
@Component
public class SignedInTrainee {

    private final TraineeRefQuery refs;
    private final AuthenticatedUser authenticatedUser;

    SignedInTrainee(TraineeRefQuery refs, AuthenticatedUser authenticatedUser) {
        this.refs = refs;
        this.authenticatedUser = authenticatedUser;
    }

    /** Empty when the signed-in account has no trainee profile. */
    public Optional<TraineeRef> ref() {
        return refs.byAccount(authenticatedUser.require().accountId());
    }
}
