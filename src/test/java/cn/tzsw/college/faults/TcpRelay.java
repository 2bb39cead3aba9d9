package cn.tzsw.college.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One fixed address in front of a database server, as a host name is in front of an external one: every
 * connection is passed on, byte for byte, to the server's current port. A test can stop the server (its
 * connections end, new ones are closed at once, as a refused connection would be) and start it again on another
 * port while the application keeps its one JDBC url.
 */
final class TcpRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile int target;

    TcpRelay(int target) {
        this.target = target;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("tcp-relay").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** New connections go to this port from now on. */
    void relayTo(int port) {
        this.target = port;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread.ofVirtual().start(() -> connect(client));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void connect(Socket client) {
        Socket server;
        try {
            server = new Socket(InetAddress.getLoopbackAddress(), target);
        } catch (IOException refused) {
            closeQuietly(client);
            return;
        }
        sockets.add(client);
        sockets.add(server);
        Thread.ofVirtual().start(() -> pipe(client, server));
        pipe(server, client);
    }

    /** Copies one direction until either side ends, then ends both. */
    private void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // either side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        sockets.forEach(this::closeQuietly);
    }
}
