package cn.tzsw.college.attendance.heartbeat;

import cn.tzsw.college.attendance.LectureSetup;
import cn.tzsw.college.attendance.domain.Beat;
import cn.tzsw.college.shared.BusinessRuleException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * The player's endpoints: heartbeats and presence answers (JSON), and uploaded videos (HTTP range requests, so
 * seeking works). Errors answer with a status and a short code, never a stack trace.
 */
@RestController
class WatchApi {

    private final WatchService watching;
    private final LectureSetup setup;
    private final ObjectMapper json;

    WatchApi(WatchService watching, LectureSetup setup, ObjectMapper json) {
        this.watching = watching;
        this.setup = setup;
        this.json = json;
    }

    record PresenceRequest(@NotBlank @Size(max = 32) String token) {
    }

    /**
     * The body is read from the request's stream and the reply written to the response's (see
     * {@link HeartbeatRequest}), past Spring MVC's message converters; the reply holds only numbers and booleans,
     * so writing it needs no escaping. The content type is checked here too: a {@code consumes} condition parses the
     * header into a {@code MediaType} on every request, a sixth of a heartbeat's own work. The request is answered
     * by the writer thread once the heartbeat is stored ({@link AnsweredOnCommit}); one that completes its lecture
     * waits here, since its completion is booked in the signed-in trainee's name before the answer.
     */
    @PostMapping("/api/attendance/heartbeat")
    void heartbeat(HttpServletRequest http, HttpServletResponse response)
            throws IOException, HttpMediaTypeNotSupportedException {
        if (http.getAttribute(AnsweredOnCommit.FAILED) instanceof WatchService.QueuedBeat failed) {
            write(response, watching.finish(failed));
            return;
        }
        if (!HeartbeatRequest.isJson(http.getContentType())) {
            throw new HttpMediaTypeNotSupportedException("heartbeats are JSON");
        }
        HeartbeatRequest request = HeartbeatRequest.read(json, http.getInputStream());
        WatchService.QueuedBeat queued = watching.queue(request.token(), new Beat(request.seq(), request.from(),
                request.position(), request.playing(), request.hidden(), request.rate() == null ? 1.0 : request.rate()));
        if (queued.bookingDue()) {
            write(response, watching.finish(queued));
        } else {
            AnsweredOnCommit.answer(watching, queued, http, response, body(queued.reply()),
                    HeartbeatWriter.ACK_TIMEOUT);
        }
    }

    private static void write(HttpServletResponse response, HeartbeatReply reply) throws IOException {
        byte[] body = body(reply);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static byte[] body(HeartbeatReply reply) {
        return ("{\"seq\":" + reply.seq() + ",\"creditedSeconds\":" + reply.creditedSeconds()
                + ",\"lengthSeconds\":" + reply.lengthSeconds() + ",\"threshold\":" + reply.threshold()
                + ",\"completed\":" + reply.completed() + ",\"presenceDue\":" + reply.presenceDue() + "}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @PostMapping(path = "/api/attendance/presence", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> presence(@Valid @RequestBody PresenceRequest request) {
        watching.confirmPresence(request.token());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/media/lectures/{lectureId}/video")
    ResponseEntity<Resource> video(@PathVariable long lectureId) {
        Path file = setup.videoFile(lectureId).orElse(null);
        if (file == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("video/mp4"))
                .header("Cache-Control", "private, max-age=3600")
                .body(new FileSystemResource(file));
    }

    @ExceptionHandler(WatchService.UnknownPlaybackException.class)
    ResponseEntity<Map<String, String>> unknown() {
        return error(HttpStatus.NOT_FOUND, "unknown-playback");
    }

    @ExceptionHandler(WatchService.SupersededException.class)
    ResponseEntity<Map<String, String>> superseded() {
        return error(HttpStatus.CONFLICT, "playing-elsewhere");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> denied() {
        return error(HttpStatus.FORBIDDEN, "forbidden");
    }

    @ExceptionHandler({MethodArgumentNotValidException.class, HttpMessageNotReadableException.class,
            HeartbeatRequest.MalformedException.class})
    ResponseEntity<Map<String, String>> malformed() {
        return error(HttpStatus.BAD_REQUEST, "malformed");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> notJson() {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-json");
    }

    @ExceptionHandler(BusinessRuleException.class)
    ResponseEntity<Map<String, String>> refused(BusinessRuleException e) {
        return error(HttpStatus.BAD_REQUEST, e.messageKey());
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> notStored() {
        return error(HttpStatus.SERVICE_UNAVAILABLE, "try-again");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String code) {
        return ResponseEntity.status(status).body(Map.of("error", code));
    }
}
