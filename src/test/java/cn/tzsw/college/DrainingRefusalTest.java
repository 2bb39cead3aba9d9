package cn.tzsw.college;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.DrainingRefusal.PauseAwareProtocol;
import cn.tzsw.college.DrainingRefusal.RefuseUnreadWhilePaused;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The valve's decision, step by step: a connector paused while a request's line was read, and resumed before the
 * request reached the valve, made it answer 400 (found in a full run of {@code DrainingConnectorTest}, whose
 * connector pauses and resumes every few milliseconds).
 */
class DrainingRefusalTest {

    private final Connector connector = new Connector(PauseAwareProtocol.class.getName());
    private final PauseAwareProtocol protocol = (PauseAwareProtocol) connector.getProtocolHandler();
    private final RefuseUnreadWhilePaused valve = new RefuseUnreadWhilePaused();
    private final AtomicBoolean handedOn = new AtomicBoolean();

    @BeforeEach
    void theAppBehindTheValve() {
        valve.setNext(new ValveBase() {
            @Override
            public void invoke(Request request, Response response) {
                handedOn.set(true);
            }
        });
    }

    /** A request Tomcat marked 400 before reading any header, its line read now. */
    private Request headerlessBadRequestStartedNow() {
        org.apache.coyote.Request line = new org.apache.coyote.Request();
        line.markStartTime();
        org.apache.coyote.Response status = new org.apache.coyote.Response();
        status.setStatus(Response.SC_BAD_REQUEST);
        line.setResponse(status);
        return new Request(connector, line);
    }

    private static Response responseOf(Request request) {
        return new Response(request.getCoyoteRequest().getResponse());
    }

    @Test
    void a_request_whose_connector_resumed_after_its_line_was_read_is_refused_unread() throws Exception {
        Request request = headerlessBadRequestStartedNow();
        Response response = responseOf(request);
        protocol.resume(); // the pause that cut its headers off ended before the request reached the valve

        valve.invoke(request, response);

        assertThat(response.getStatus()).isEqualTo(Response.SC_SERVICE_UNAVAILABLE);
        assertThat(handedOn).as("handed on to the app").isFalse();
    }

    @Test
    void a_request_without_headers_and_no_pause_while_it_was_read_stays_a_bad_request() throws Exception {
        protocol.resume(); // a pause that ended before the request began
        long resumed = System.nanoTime();
        while (System.nanoTime() == resumed) {
            Thread.onSpinWait();
        }
        Request request = headerlessBadRequestStartedNow();
        Response response = responseOf(request);

        valve.invoke(request, response);

        assertThat(response.getStatus()).isEqualTo(Response.SC_BAD_REQUEST);
        assertThat(handedOn).as("handed on to the app, which shows its 400 page").isTrue();
    }
}
