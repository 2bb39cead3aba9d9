package cn.tzsw.college.tracking;

import cn.tzsw.college.security.AccessScope;
import cn.tzsw.college.shared.RegionCodes;
import cn.tzsw.college.tracking.domain.DirectoryRepository;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trainee directory for administrators and coordinators: the caller's subtree with the filters and each
 * trainee's compliance today ({@link DirectoryRepository}).
 */
@Service
@Transactional(readOnly = true)
public class TraineeDirectory {

    private final DirectoryRepository directory;
    private final AccessScope scope;
    private final Clock clock;

    TraineeDirectory(DirectoryRepository directory, AccessScope scope, Clock clock) {
        this.directory = directory;
        this.scope = scope;
        this.clock = clock;
    }

    /**
     * One page, ordered by name. A region outside the caller's subtree is refused like any other foreign record
     * (AccessDeniedException), whether or not anyone lives there.
     */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public Page<DirectoryEntry> search(DirectoryFilter filter, Pageable pageable) {
        String prefix;
        if (filter.regionCode() != null && !filter.regionCode().isBlank()) {
            scope.requireVisible(filter.regionCode());
            prefix = RegionCodes.subtreePrefix(filter.regionCode());
        } else {
            prefix = scope.visiblePrefix().orElse("");
        }
        return directory.search(prefix, filter, LocalDate.now(clock), pageable);
    }
}
