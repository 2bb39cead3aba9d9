package cn.tzsw.college.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * {@code /actuator/prometheus} in a chain of its own: the figures (pool usage, outbox age, registrations) tell a
 * stranger how busy and how large the college is, so only a scraper that sends the configured token
 * ({@code app.metrics.token}, {@code Authorization: Bearer …}) gets them; with no token configured nobody does.
 * No session, no CSRF: a scraper keeps none.
 */
@Configuration(proxyBeanMethods = false)
class MetricsAccess {

    static final String METRICS = "/actuator/prometheus";
    private static final String BEARER = "Bearer ";

    @Bean
    @Order(0)
    SecurityFilterChain metricsFilterChain(HttpSecurity http, @Value("${app.metrics.token:}") String token)
            throws Exception {
        byte[] expected = token.getBytes(StandardCharsets.UTF_8);
        http.securityMatcher(METRICS)
                .authorizeHttpRequests(auth -> auth.anyRequest().access((authentication, context) ->
                        new AuthorizationDecision(expected.length > 0 && presents(context.getRequest(), expected))))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler((request, response, denied) ->
                                response.sendError(HttpStatus.UNAUTHORIZED.value())));
        return http.build();
    }

    /** Compared in constant time, so the answer's timing tells nothing about the token. */
    private static boolean presents(HttpServletRequest request, byte[] expected) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER)) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8), expected);
    }
}
