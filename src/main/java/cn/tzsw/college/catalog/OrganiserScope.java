package cn.tzsw.college.catalog;

import cn.tzsw.college.regions.RegionsProperties;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.CurrentUser;
import cn.tzsw.college.security.Role;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Which organiser's courses an administrator manages: the city college's administrators (bound to the home
 * region) manage every course; a county branch school's administrators only their own school's courses,
 * lectures and rosters.
 */
@Component
public class OrganiserScope {

    private final AuthenticatedUser authenticatedUser;
    private final RegionsProperties regions;

    OrganiserScope(AuthenticatedUser authenticatedUser, RegionsProperties regions) {
        this.authenticatedUser = authenticatedUser;
        this.regions = regions;
    }

    /** Empty when the caller manages every organiser; else the one organiser they manage. */
    public Optional<String> restrictedTo() {
        CurrentUser user = authenticatedUser.require();
        if (!user.is(Role.ADMIN)) {
            throw new AccessDeniedException("administrators only");
        }
        if (user.regionCode() == null || user.regionCode().equals(regions.home())) {
            return Optional.empty();
        }
        return Optional.of(user.regionCode());
    }

    public void requireManages(String organiserCode) {
        restrictedTo().filter(own -> !own.equals(organiserCode)).ifPresent(own -> {
            throw new AccessDeniedException("another organiser's course");
        });
    }
}
