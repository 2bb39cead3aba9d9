package cn.tzsw.college.attendance.heartbeat;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

/**
 * A heartbeat answered by the thread that commits its write (the heartbeat writer's), on an asynchronous request:
 * the request's thread goes back to Tomcat's pool as soon as the heartbeat is queued instead of waiting for the
 * commit, and is not woken again (a heartbeat cost three context switches against half of one for a trivial
 * request). The reply is written without blocking (the stream has a {@link WriteListener}), so a client that does
 * not read its replies holds up only its own connection, never the writer; Tomcat sends what the socket does not
 * take at once when it can. A write that failed, or did not commit in time, is dispatched back to the handler,
 * which answers it as a waiting request would ({@link WatchService#finish}: another node's write is applied again,
 * anything else is a 503), so errors are answered by the same exception handlers.
 */
final class AnsweredOnCommit implements BiConsumer<Void, Throwable>, WriteListener, AsyncListener {

    private static final Logger log = LoggerFactory.getLogger(AnsweredOnCommit.class);
    /** The request attribute that holds a queued heartbeat whose write failed, for the dispatch back. */
    static final String FAILED = AnsweredOnCommit.class.getName() + ".failed";

    private final WatchService watching;
    private final WatchService.QueuedBeat queued;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final byte[] body;
    private AsyncContext async;
    private ServletOutputStream out;
    private boolean stored;
    private boolean writable;
    private boolean sent;

    private AnsweredOnCommit(WatchService watching, WatchService.QueuedBeat queued, HttpServletRequest request,
                             HttpServletResponse response, byte[] body) {
        this.watching = watching;
        this.queued = queued;
        this.request = request;
        this.response = response;
        this.body = body;
    }

    /** Makes the request asynchronous; it is answered once the queued heartbeat's write commits or fails. */
    static void answer(WatchService watching, WatchService.QueuedBeat queued, HttpServletRequest request,
                       HttpServletResponse response, byte[] body, Duration timeout) throws IOException {
        AnsweredOnCommit answer = new AnsweredOnCommit(watching, queued, request, response, body);
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(timeout.toMillis());
        async.addListener(answer);
        answer.async = async;
        answer.out = response.getOutputStream();
        answer.out.setWriteListener(answer);
        queued.stored().whenComplete(answer);
    }

    /** The write committed (answered as soon as the stream takes it) or failed (dispatched back to the handler). */
    @Override
    public void accept(Void stored, Throwable failure) {
        if (failure != null) {
            try {
                request.setAttribute(FAILED, queued);
                async.dispatch();
            } catch (IllegalStateException e) {
                log.debug("Heartbeat not answered: the request has ended", e);
            }
            return;
        }
        watching.acknowledged();
        if (ready(true, false)) {
            send();
        }
    }

    /**
     * Tomcat's first call comes after the handler's thread has left the request, from then on the writer may write;
     * if the heartbeat is stored by then, it is answered here. Later calls (Tomcat sent what remained) have nothing
     * to do.
     */
    @Override
    public void onWritePossible() {
        if (ready(false, true)) {
            send();
        }
    }

    /** Whether the reply is to be sent now: stored and writable, and not sent yet. */
    private synchronized boolean ready(boolean storedNow, boolean writableNow) {
        stored |= storedNow;
        writable |= writableNow;
        if (stored && writable && !sent) {
            sent = true;
            return true;
        }
        return false;
    }

    private void send() {
        try {
            // Only now: a failed write is answered by the handler, with a body of its own.
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setContentLength(body.length);
            out.write(body);
            out.flush();
            async.complete();
        } catch (IOException | IllegalStateException e) {
            log.debug("Heartbeat reply not sent: the client went away or the request has ended", e);
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        queued.stored().completeExceptionally(new TimeoutException("heartbeat not stored in time"));
    }

    @Override
    public void onError(Throwable t) {
        log.debug("Heartbeat reply failed", t);
    }

    @Override
    public void onComplete(AsyncEvent event) {
    }

    @Override
    public void onError(AsyncEvent event) {
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }
}
