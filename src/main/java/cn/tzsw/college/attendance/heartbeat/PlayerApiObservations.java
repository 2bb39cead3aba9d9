package cn.tzsw.college.attendance.heartbeat;

import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * The player's API (a heartbeat every 10-15 s from every playing trainee) is not observed per request
 * (http.server.requests): the observation and its timer cost several percent of a heartbeat, and nothing here reads
 * them (metrics are not exposed). All other requests stay observed.
 */
@Configuration(proxyBeanMethods = false)
class PlayerApiObservations {

    static final String PLAYER_API = "/api/attendance/";

    @Bean
    ObservationPredicate playerApiNotObserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && isPlayerApi(server.getCarrier()));
    }

    private static boolean isPlayerApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri != null && uri.startsWith(PLAYER_API, request.getContextPath().length());
    }
}
