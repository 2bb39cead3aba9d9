package cn.tzsw.college;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.AbstractProtocol;
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
        factory.addEngineValves(new RefuseUnreadWhilePaused());
    }

    static final class RefuseUnreadWhilePaused extends ValveBase {

        RefuseUnreadWhilePaused() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            if (response.getStatus() == Response.SC_BAD_REQUEST
                    && request.getCoyoteRequest().getMimeHeaders().size() == 0
                    && request.getConnector().getProtocolHandler() instanceof AbstractProtocol<?> protocol
                    && protocol.isPaused()) {
                response.setStatus(Response.SC_SERVICE_UNAVAILABLE);
                return;
            }
            getNext().invoke(request, response);
        }
    }
}
