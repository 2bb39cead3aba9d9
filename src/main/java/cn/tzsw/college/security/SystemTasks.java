package cn.tzsw.college.security;

import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Runs start-up and background work (seeding, scheduled jobs) as the built-in system administrator, so that
 * the same secured services serve them as serve people.
 */
public final class SystemTasks {

    private static final CurrentUser SYSTEM = new CurrentUser(0, "system", "system", Role.ADMIN, null,
            Locale.SIMPLIFIED_CHINESE);

    private SystemTasks() {
    }

    public static <T> T runAsSystem(Supplier<T> task) {
        return runAs(new AccountPrincipal(SYSTEM, "", true), task);
    }

    /** Runs the task as the given user (loaded by the UserDetailsService), e.g. to seed their registrations. */
    public static <T> T runAs(UserDetails user, Supplier<T> task) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return task.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
