package cn.tzsw.college;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** A real SMTP server (GreenMail) on a free loopback port, which a test can stop to play an outage. */
public final class MailServer {

    private final int port = freePort();
    private GreenMail greenMail;

    MailServer() {
        start();
    }

    public int port() {
        return port;
    }

    /**
     * Starts the server on its port. On a loaded machine the port a stand-in server (SmtpFront) has just closed was
     * now and then still refused ("Address already in use") and every later mail test failed: so it tries again for
     * a while.
     */
    public synchronized void start() {
        Awaitility.await("the mail server listening on port " + port).atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                    try {
                        server.start();
                    } catch (RuntimeException refused) {
                        server.stop();
                        throw refused;
                    }
                    deliverAllToOneMailbox(server);
                    greenMail = server;
                    return true;
                });
    }

    /**
     * Every mail goes to one mailbox (its recipients stay in its headers, which is what the tests read): GreenMail
     * otherwise makes a mailbox for each new recipient and scans all the others to do so, and a registration burst's
     * 2,000 recipients made that scan (in the measured JVM) cost more than the registration threads themselves.
     */
    private static void deliverAllToOneMailbox(GreenMail server) {
        GreenMailUser everyone = server.setUser("everyone@localhost", "everyone", "everyone");
        server.getUserManager().setMessageDeliveryHandler((message, recipient) -> everyone);
    }

    public synchronized void stop() {
        greenMail.stop();
    }

    /** Starts over with no mails (a registration burst leaves thousands in the test JVM's memory). */
    public synchronized void empty() {
        stop();
        start();
    }

    public synchronized List<MimeMessage> received() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    /** Waits (up to the timeout) for a mail to the recipient that matches, and returns it. */
    public MimeMessage await(String recipient, Predicate<MimeMessage> matching, Duration timeout) throws Exception {
        return Awaitility.await("a matching mail to " + recipient).atMost(timeout)
                .until(() -> first(recipient, matching), Optional::isPresent).orElseThrow();
    }

    private Optional<MimeMessage> first(String recipient, Predicate<MimeMessage> matching) throws Exception {
        for (MimeMessage message : received()) {
            if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(recipient))
                    && matching.test(message)) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    /**
     * A free port below the range Linux hands out to outgoing connections (32768-60999): a test that stops the server
     * and starts it again on its port found it taken, now and then, by some process's new connection in between.
     */
    private static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another process listens there: try another
            }
        }
        throw new IllegalStateException("No free port between 20000 and 32000 on 127.0.0.1");
    }
}
