package cn.tzsw.college.shell;

import cn.tzsw.college.shared.DatabaseFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Requests outside Vaadin's views (the public verification page, the player's API, media) that fail because the
 * database cannot be reached answer 503 with the static error/503 page (JSON for API callers): the visitor learns
 * to come back later, a proxy or monitor sees the service is unavailable. Handled here rather than left to the
 * container: Spring MVC takes a driver's "end of stream" for a client that went away and answers an empty 200.
 * Vaadin's views say the same through {@link ErrorViews}.
 */
@ControllerAdvice
class DatabaseOutageAdvice {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageAdvice.class);

    // Any runtime exception: libraries that reach the database themselves (the attempt buckets) wrap the driver's
    // exception in their own; the cause chain tells.
    @ExceptionHandler(RuntimeException.class)
    void unavailable(RuntimeException failure, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!DatabaseFailures.unreachable(failure)) {
            throw failure; // the database refused a statement: an error of the application, handled as before
        }
        log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(),
                DatabaseFailures.summary(failure));
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
}
