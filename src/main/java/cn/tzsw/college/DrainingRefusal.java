package cn.tzsw.college;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.http11.Http11NioProtocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * While the web server drains (graceful shutdown pauses Tomcat's connector), a request must be refused unread
 * (an empty 503: the client, or the load balancer, tries again elsewhere) or answered in full. Tomcat 11 has a
 * race here: a request line read just as the connector pauses is marked 503 before its headers are read, and the
 * check that follows finds no {@code Host} header and turns it into a 400 with an error page, which a player takes
 * for a malformed heartbeat. This valve, first in the engine's pipeline, gives such a request its 503 back.
 */
@Component
class DrainingRefusal implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.setProtocol(PauseAwareProtocol.class.getName());
        factory.addEngineValves(new RefuseUnreadWhilePaused());
    }

    /**
     * Tomcat's NIO protocol, which also tells whether it was paused at any moment since a given time: a connector
     * paused while a request's line was read may have resumed before the request reaches the valve (a drain that
     * was called off, or the test that pauses and resumes it every few milliseconds).
     */
    public static final class PauseAwareProtocol extends Http11NioProtocol {

        /** System.nanoTime() of the last resume, taken before the resume so that no unpaused moment misses it. */
        private volatile long resumedAt = System.nanoTime() - Long.MAX_VALUE / 2;

        @Override
        public void resume() throws Exception {
            resumedAt = System.nanoTime();
            super.resume();
        }

        boolean pausedSince(long nanoTime) {
            return isPaused() || resumedAt - nanoTime >= 0; // paused first: a resume sets resumedAt before it unpauses
        }
    }

    static final class RefuseUnreadWhilePaused extends ValveBase {

        RefuseUnreadWhilePaused() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            if (response.getStatus() == Response.SC_BAD_REQUEST
                    && request.getCoyoteRequest().getMimeHeaders().size() == 0
                    && request.getConnector().getProtocolHandler() instanceof PauseAwareProtocol protocol
                    && protocol.pausedSince(request.getCoyoteRequest().getStartTimeNanos())) {
                response.setStatus(Response.SC_SERVICE_UNAVAILABLE);
                return;
            }
            getNext().invoke(request, response);
        }
    }
}
