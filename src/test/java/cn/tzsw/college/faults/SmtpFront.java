package cn.tzsw.college.faults;

import cn.tzsw.college.MailServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the test run's mail server on its port: a server that accepts connections and never answers
 * (hung), or one that answers each connection only after a delay (slow, forwarding to a GreenMail of its own).
 * Closing it starts the usual mail server again.
 */
final class SmtpFront implements AutoCloseable {

    private final MailServer mail;
    private final Duration delay;
    private final Clock clock;
    private final ServerSocket socket;
    private final GreenMail backend;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile LocalDateTime lastAnsweredAt;

    private SmtpFront(MailServer mail, Duration delay, Clock clock) {
        this.mail = mail;
        this.delay = delay;
        this.clock = clock;
        mail.stop();
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), mail.port()));
        } catch (IOException e) {
            mail.start();
            throw new UncheckedIOException(e);
        }
        if (delay == null) {
            backend = null;
        } else {
            backend = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            backend.start();
        }
        Thread.ofVirtual().start(this::acceptAll);
    }

    /** A mail server that accepts connections and then says nothing, for ever. */
    static SmtpFront hung(MailServer mail) {
        return new SmtpFront(mail, null, null);
    }

    /** A mail server that greets each connection only after the delay, then works normally. */
    static SmtpFront slow(MailServer mail, Duration delay, Clock clock) {
        return new SmtpFront(mail, delay, clock);
    }

    /** How many connections it accepted. */
    int connections() {
        return connections.get();
    }

    /** When the last connection's delay ended (the server's first word), on the given clock. */
    LocalDateTime lastAnsweredAt() {
        return lastAnsweredAt;
    }

    List<MimeMessage> received() {
        return Arrays.asList(backend.getReceivedMessages());
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                connections.incrementAndGet();
                if (backend != null) {
                    CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS,
                            task -> Thread.ofVirtual().start(task)).execute(() -> forward(client));
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void forward(Socket client) {
        try {
            Socket server = new Socket(InetAddress.getLoopbackAddress(), backend.getSmtp().getPort());
            open.add(server);
            lastAnsweredAt = LocalDateTime.now(clock);
            Thread.ofVirtual().start(() -> pump(client, server));
            pump(server, client);
        } catch (IOException e) {
            // the front was closed
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side hung up
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
        if (backend != null) {
            backend.stop();
        }
        mail.start();
    }

    private static int freePort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
