package cn.tzsw.college.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    /** Public besides Vaadin's own: health, static files, and the public API of later capabilities. */
    static final String[] PUBLIC_PATHS = {"/error", "/error/**", "/actuator/health", "/actuator/health/**", "/styles.css", "/images/**",
            "/scripts/**", "/webjars/**", "/api/public/**"};

    /** Our own endpoints outside Vaadin's views; the services behind them check roles and ownership. */
    static final String[] SIGNED_IN_PATHS = {"/api/attendance/**", "/media/**"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC_PATHS).permitAll()
                .requestMatchers(SIGNED_IN_PATHS).authenticated());
        // The player's JSON calls carry a per-playback token bound to the signed-in user, which a forged
        // cross-site request cannot know; so no CSRF token there. API callers get 401, not the login page.
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/api/attendance/**"));
        http.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("/login", "/login"));
        return http.build();
    }

    /** bcrypt by default, with the {id} prefix so the algorithm can change later without resetting passwords. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
