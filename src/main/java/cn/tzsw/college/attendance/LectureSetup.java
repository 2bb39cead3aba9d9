package cn.tzsw.college.attendance;

import cn.tzsw.college.attendance.domain.AttendanceLectureRepository;
import cn.tzsw.college.attendance.domain.Mp4Duration;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.OrganiserScope;
import cn.tzsw.college.registration.MyLecture;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.registration.RegistrationStatus;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.shared.BusinessRuleException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-lecture attendance settings: walk-ins, and the recorded video (an MP4 uploaded to
 * {@code app.attendance.video.dir}, type and size checked, length read from the file; or a link with a length).
 */
@Service
@Transactional(readOnly = true)
public class LectureSetup {

    private static final int MAX_URL = 500;

    private final AttendanceLectureRepository settings;
    private final CatalogService catalog;
    private final OrganiserScope organisers;
    private final RegistrationService registrations;
    private final AuthenticatedUser authenticatedUser;
    private final AttendanceProperties properties;
    private final Clock clock;

    LectureSetup(AttendanceLectureRepository settings, CatalogService catalog, OrganiserScope organisers, RegistrationService registrations,
                 AuthenticatedUser authenticatedUser, AttendanceProperties properties, Clock clock) {
        this.settings = settings;
        this.catalog = catalog;
        this.organisers = organisers;
        this.registrations = registrations;
        this.authenticatedUser = authenticatedUser;
        this.properties = properties;
        this.clock = clock;
    }

    /** The lecture's settings; public facts (anyone may watch what the catalogue shows). */
    public LectureMedia media(long lectureId) {
        return settings.media(lectureId).orElse(new LectureMedia(lectureId, false, null, null, null, null));
    }

    boolean walkInsAllowed(long lectureId) {
        return media(lectureId).walkInsAllowed();
    }

    /** Whether the signed-in trainee may attend the lecture: registered for it, or walk-ins are allowed. */
    boolean mayAttend(long lectureId) {
        boolean registered = registrations.myRegistration(lectureId).map(MyLecture::status)
                .filter(status -> status == RegistrationStatus.REGISTERED).isPresent();
        return registered || walkInsAllowed(lectureId);
    }

    /**
     * The stored file of an uploaded video, for streaming to those who may watch the lecture: a trainee registered
     * for it (any trainee when walk-ins are allowed), an administrator who manages its course, an instructor (as for
     * the room display). Anyone else is refused, whether a file exists or not.
     */
    @PreAuthorize("isAuthenticated()")
    public Optional<Path> videoFile(long lectureId) {
        requireMayWatch(lectureId);
        return settings.videoFile(lectureId).map(name -> properties.getVideo().getDir().resolve(name))
                .filter(Files::isReadable);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void allowWalkIns(long lectureId, boolean allowed) {
        managed(lectureId);
        LocalDateTime now = now();
        settings.ensureRow(lectureId, now);
        settings.setWalkIns(lectureId, allowed, now);
    }

    /**
     * Stores an uploaded MP4. Refused, with nothing kept, when it is larger than the limit, not an MP4, or has no
     * readable length.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public LectureMedia uploadVideo(long lectureId, String originalName, InputStream content) {
        managed(lectureId);
        Path dir = properties.getVideo().getDir();
        Path stored = dir.resolve(lectureId + "-" + UUID.randomUUID() + ".mp4");
        try {
            Files.createDirectories(dir);
            long limit = properties.getVideo().getMaxSize().toBytes();
            try (InputStream limited = content) {
                long bytes = Files.copy(new LimitedInputStream(limited, limit + 1), stored,
                        StandardCopyOption.REPLACE_EXISTING);
                if (bytes > limit) {
                    throw BusinessRuleException.onField("video", "attendance.video.tooLarge",
                            properties.getVideo().getMaxSize().toMegabytes());
                }
                byte[] head = new byte[12];
                try (InputStream in = Files.newInputStream(stored)) {
                    head = in.readNBytes(12);
                }
                OptionalDouble seconds = Mp4Duration.looksLikeMp4(head) ? Mp4Duration.seconds(stored) : OptionalDouble.empty();
                if (seconds.isEmpty() || seconds.getAsDouble() < 1) {
                    throw BusinessRuleException.onField("video", "attendance.video.notMp4");
                }
                replaceVideo(lectureId, stored.getFileName().toString(), cleanName(originalName), bytes, null,
                        (int) Math.round(seconds.getAsDouble()));
            }
            return media(lectureId);
        } catch (IOException e) {
            delete(stored);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(stored);
            throw e;
        }
    }

    /** A video hosted elsewhere, with its length (the platform cannot read it from the link). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void linkVideo(long lectureId, String url, int seconds) {
        managed(lectureId);
        String link = url == null ? "" : url.strip();
        if (link.length() > MAX_URL || !(link.startsWith("https://") || link.startsWith("http://"))
                || !validUri(link)) {
            throw BusinessRuleException.onField("videoUrl", "attendance.video.badUrl");
        }
        if (seconds < 1) {
            throw BusinessRuleException.onField("videoSeconds", "attendance.video.badLength");
        }
        replaceVideo(lectureId, null, null, null, link, seconds);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void removeVideo(long lectureId) {
        managed(lectureId);
        replaceVideo(lectureId, null, null, null, null, null);
    }

    private void replaceVideo(long lectureId, String file, String name, Long bytes, String url, Integer seconds) {
        LocalDateTime now = now();
        settings.ensureRow(lectureId, now);
        Optional<String> previous = settings.lockedVideoFile(lectureId);
        settings.setVideo(lectureId, file, name, bytes, url, seconds, now);
        previous.filter(old -> !old.equals(file)).ifPresent(old -> delete(properties.getVideo().getDir().resolve(old)));
    }

    private void requireMayWatch(long lectureId) {
        switch (authenticatedUser.require().role()) {
            case ADMIN -> managed(lectureId);
            case INSTRUCTOR -> catalog.get(lectureId);
            case TRAINEE -> {
                if (!mayAttend(lectureId)) {
                    throw new AccessDeniedException("not registered for the lecture");
                }
            }
            default -> throw new AccessDeniedException("not a viewer of lectures");
        }
    }

    private void managed(long lectureId) {
        organisers.requireManages(catalog.get(lectureId).organiserCode());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static boolean validUri(String link) {
        try {
            return URI.create(link).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String cleanName(String name) {
        String base = name == null ? "video.mp4" : Path.of(name.replace('\\', '/')).getFileName().toString();
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover file is harmless; the database no longer names it
        }
    }

    /** Stops reading after {@code max} bytes, so an oversized upload never fills the disk. */
    private static final class LimitedInputStream extends java.io.FilterInputStream {
        private long left;

        LimitedInputStream(InputStream in, long max) {
            super(in);
            this.left = max;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
