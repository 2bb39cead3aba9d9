package cn.tzsw.college.security;

import cn.tzsw.college.shared.DatabaseFailures;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Every password sign-in, whatever the client: refused while the typed user name or the client address is locked
 * (checked before the password, so even the right one is refused), wrong passwords counted for both, a right one
 * clears the user name's count. Unknown user names are counted like known ones. The address is the connection's
 * (request.getRemoteAddr()); a forwarded-for header is never trusted, as any client can write one.
 * When the database fails (locks, counts and passwords all live there), the sign-in is refused as a service failure
 * (an {@link org.springframework.security.authentication.AuthenticationServiceException}, which the login page tells
 * as "unavailable"): never as a wrong password, and never counted.
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledSignIn.class);

    private final DaoAuthenticationProvider passwords;
    private final AttemptLimiter limiter;

    ThrottledSignIn(UserDetailsService users, PasswordEncoder passwordEncoder, AttemptLimiter limiter) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.limiter = limiter;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return throttled(authentication);
        } catch (RuntimeException e) {
            // The password check wraps what its user lookup threw in an AuthenticationServiceException already.
            boolean refusal = e instanceof AuthenticationException && !(e instanceof AuthenticationServiceException);
            if (refusal || !DatabaseFailures.fromDatabase(e)) {
                throw e;
            }
            log.warn("Sign-in could not be checked, the database failed: {}", DatabaseFailures.summary(e));
            throw new InternalAuthenticationServiceException("the database failed", e);
        }
    }

    private Authentication throttled(Authentication authentication) {
        String username = authentication.getName();
        Optional<String> address = Optional.ofNullable(authentication.getDetails())
                .filter(WebAuthenticationDetails.class::isInstance)
                .map(details -> ((WebAuthenticationDetails) details).getRemoteAddress());
        refuseIfLocked(limiter.lock(AttemptRule.SIGN_IN_ACCOUNT, username),
                address.flatMap(a -> limiter.lock(AttemptRule.SIGN_IN_ADDRESS, a)));
        try {
            Authentication signedIn = passwords.authenticate(authentication);
            limiter.clear(AttemptRule.SIGN_IN_ACCOUNT, username);
            return signedIn;
        } catch (BadCredentialsException wrong) {
            refuseIfLocked(limiter.count(AttemptRule.SIGN_IN_ACCOUNT, username),
                    address.flatMap(a -> limiter.count(AttemptRule.SIGN_IN_ADDRESS, a)));
            throw wrong;
        }
    }

    /** The later of the two locks decides when to try again. */
    private static void refuseIfLocked(Optional<AttemptLock> account, Optional<AttemptLock> address) {
        Optional<AttemptLock> lock = Stream.concat(account.stream(), address.stream())
                .max(Comparator.comparing(AttemptLock::until));
        if (lock.isPresent()) {
            throw new SignInLockedException(lock.get());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
