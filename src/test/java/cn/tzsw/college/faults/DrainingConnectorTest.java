package cn.tzsw.college.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tzsw.college.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
    private static final Duration RUN = Duration.ofSeconds(4);
    private static final long PAUSED_MILLIS = 3;
    private static final long RUNNING_MILLIS = 2;

    @LocalServerPort
    int port;
    @Autowired
    WebServerApplicationContext context;

    @Test
    void a_request_reaching_a_pausing_connector_is_answered_in_full_or_refused_unread() throws Exception {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProtocolHandler().getClass().getSimpleName()).as("the app's connector protocol")
                .isEqualTo("PauseAwareProtocol");
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
        // Paused for 3 ms, then running for 2 ms, over and over, while the clients keep requesting. Each step is
        // scheduled once the one before has run, so a busy machine stretches the cycle but never crowds two steps.
        ScheduledExecutorService toggler = Executors.newSingleThreadScheduledExecutor();
        try {
            toggler.execute(() -> pauseThenResume(toggler, connector, pauses));
            long end = System.nanoTime() + RUN.toNanos();
            await().atMost(RUN.plusSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> System.nanoTime() >= end || !failures.isEmpty());
        } finally {
            toggler.shutdownNow();
            assertThat(toggler.awaitTermination(30, TimeUnit.SECONDS)).as("toggling ended").isTrue();
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

    private static void pauseThenResume(ScheduledExecutorService toggler, Connector connector, AtomicInteger pauses) {
        connector.pause();
        pauses.incrementAndGet();
        toggler.schedule(() -> {
            connector.resume();
            toggler.schedule(() -> pauseThenResume(toggler, connector, pauses), RUNNING_MILLIS, TimeUnit.MILLISECONDS);
        }, PAUSED_MILLIS, TimeUnit.MILLISECONDS);
    }
}
