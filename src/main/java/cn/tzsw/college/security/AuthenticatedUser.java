package cn.tzsw.college.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is calling, for services and views alike. */
@Component
public class AuthenticatedUser {

    public Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            return Optional.of(principal.user());
        }
        return Optional.empty();
    }

    /** The name recorded as the author of a change: the signed-in user's, or "system" for background work. */
    public String actorName() {
        return current().map(CurrentUser::username).orElse("system");
    }

    public CurrentUser require() {
        return current().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }
}
