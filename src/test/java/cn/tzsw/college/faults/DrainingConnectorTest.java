package cn.tzsw.college.faults;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * A draining web server (graceful shutdown pauses its connector) must answer a request in full or refuse it unread:
 * an empty 503 or a closed connection, which a client or load balancer retries. Tomcat turned a request that
 * arrived just as the connector paused into a 400 with an error page (seen in a stop under load, once in many
 * runs). The race is made frequent here: clients keep requesting while the connector pauses and resumes every
 * few milliseconds.
 */
class DrainingConnectorTest extends IntegrationTest {

    private static final int CLIENTS = 6;
    private static final long RUN_MILLIS = 4_000;

    @LocalServerPort
    int port;
    @Autowired
    WebServerApplicationContext context;

    @Test
    void a_request_reaching_a_pausing_connector_is_answered_in_full_or_refused_unread() throws Exception {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger pauses = new AtomicInteger();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.execute(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                HttpRequest probe = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/liveness")).build();
                while (running.get()) {
                    try {
                        HttpResponse<String> answer = http.send(probe, HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 200) {
                            answered.incrementAndGet();
                        } else if (answer.statusCode() == 503 && answer.body().isEmpty()) {
                            refused.incrementAndGet();
                        } else {
                            failures.add(answer.statusCode() + " " + answer.body());
                        }
                    } catch (IOException e) {
                        refused.incrementAndGet(); // connection closed or refused: never read
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        try {
            long end = System.currentTimeMillis() + RUN_MILLIS;
            while (System.currentTimeMillis() < end && failures.isEmpty()) {
                Thread.sleep(2);
                connector.pause();
                pauses.incrementAndGet();
                Thread.sleep(3);
                connector.resume();
            }
        } finally {
            running.set(false);
            connector.resume();
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).as("clients ended").isTrue();
        }

        System.out.printf("Pausing connector: %d pauses, %d answered in full, %d refused unread, %d failed%n",
                pauses.get(), answered.get(), refused.get(), failures.size());
        assertThat(failures).as("requests answered with a failure instead of in full or not at all").isEmpty();
        assertThat(answered.get()).as("requests answered in full between pauses").isPositive();
    }
}
