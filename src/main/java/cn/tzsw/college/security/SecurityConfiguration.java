package cn.tzsw.college.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerMapping;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    /** Public besides Vaadin's own: health, static files, and the public API of later capabilities. */
    static final String[] PUBLIC_PATHS = {"/error", "/error/**", "/actuator/health", "/actuator/health/**", "/styles.css", "/images/**",
            "/scripts/**", "/webjars/**", "/api/public/**", "/verify", "/verify/**", "/api/certificates/**"};

    /** Our own endpoints outside Vaadin's views; the services behind them check roles and ownership. */
    static final String[] SIGNED_IN_PATHS = {"/media/**"};

    /** The player's JSON calls (heartbeats every 10-15 s from every playing trainee). */
    static final String PLAYER_API = "/api/attendance/**";

    /**
     * The player's API in a chain of its own, ahead of Vaadin's: signed in through the same session, security
     * headers as everywhere, API callers get 401 (not the login page). Without Vaadin's request matching, a saved
     * request or a logout URL, which a heartbeat never needs. The calls carry a per-playback token bound to the
     * signed-in user, which a forged cross-site request cannot know; so no CSRF token there.
     */
    @Bean
    @Order(1)
    SecurityFilterChain playerApiFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(PLAYER_API)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil vaadinRequests,
                                            @Qualifier("requestMappingHandlerMapping") HandlerMapping controllers)
            throws Exception {
        UnknownPaths unknownPaths = new UnknownPaths(vaadinRequests, controllers);
        // Vaadin refuses every path that is no route (a 403 for users, the login page for visitors). A page that
        // does not exist is "not found" instead: users get the app's 404 page, visitors the static one.
        http.authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC_PATHS).permitAll()
                .requestMatchers(SIGNED_IN_PATHS).authenticated()
                .requestMatchers(unknownPaths).authenticated());
        // API callers get 401, not the login page.
        http.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
        http.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                (request, response, refused) -> response.sendError(HttpServletResponse.SC_NOT_FOUND), unknownPaths));
        // Vaadin's own CSRF setup also exempts POST /login (login CSRF: a forged form signs the victim in as the
        // attacker). Here only Vaadin's internal requests are exempt, which carry Vaadin's own token; the login
        // form sends Spring's token from the page's _csrf meta tags.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("/login", "/login")
                .enableCsrfConfiguration(false));
        return http.build();
    }

    /**
     * No Micrometer observation around every filter of every request and every authorization decision: nothing
     * here reads them (no tracing; metrics are not exposed), and on the heartbeat path they cost more than the
     * filters themselves. Sign-ins stay observed; HTTP requests are still observed once each (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false)
                .shouldObserveAuthorizations(false).build();
    }

    /**
     * bcrypt at the configured cost (2^strength rounds), with the {id} prefix so the algorithm can change later
     * without resetting passwords. Hashes of another cost or kind still match, so a new cost applies to passwords
     * set from then on. A cost bcrypt cannot take stops the start rather than the first sign-in.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${app.security.password-strength}") int strength) {
        if (strength < 4 || strength > 31) {
            throw new IllegalArgumentException("app.security.password-strength must be 4..31, not " + strength);
        }
        DelegatingPasswordEncoder passwords = new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
        passwords.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return passwords;
    }
}
