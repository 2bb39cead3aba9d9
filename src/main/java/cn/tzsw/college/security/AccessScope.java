package cn.tzsw.college.security;

import cn.tzsw.college.shared.RegionCodes;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The region subtree the caller may see. Services call it before they return or change anything tied to a
 * region, so the scope holds whatever the UI shows. A refusal never says whether the record exists.
 */
@Component
public class AccessScope {

    private final AuthenticatedUser authenticatedUser;

    AccessScope(AuthenticatedUser authenticatedUser) {
        this.authenticatedUser = authenticatedUser;
    }

    /**
     * The code prefix of the caller's subtree: empty for administrators (everything), the region's prefix for
     * coordinators. Anyone else sees no region at all.
     */
    public Optional<String> visiblePrefix() {
        CurrentUser user = authenticatedUser.require();
        return switch (user.role()) {
            case ADMIN -> Optional.empty();
            case COORDINATOR -> Optional.of(RegionCodes.subtreePrefix(user.regionCode()));
            default -> throw new AccessDeniedException("no region scope");
        };
    }

    public boolean canSee(String regionCode) {
        try {
            requireVisible(regionCode);
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    public void requireVisible(String regionCode) {
        Optional<String> prefix = visiblePrefix();
        if (prefix.isPresent() && (regionCode == null || !regionCode.startsWith(prefix.get()))) {
            throw new AccessDeniedException("outside the caller's region");
        }
    }
}
