package cn.tzsw.college.attendance;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.registration.RegistrationService;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Lectures happening now, with registered trainees: registered while open, then moved to the present. */
@Component
public class LecturesUnderway {

    public static final String JIAOJIANG_VILLAGE = "331002001003";
    public static final String HUANGYAN_TOWNSHIP = "331003001000";

    private final Fixtures fixtures;
    private final RegistrationService registrations;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    LecturesUnderway(Fixtures fixtures, RegistrationService registrations, JdbcTemplate jdbc, Clock clock) {
        this.clock = clock;
        this.fixtures = fixtures;
        this.registrations = registrations;
        this.jdbc = jdbc;
    }

    public record Lecture(long id, List<String> trainees) {
    }

    /** A lecture that started {@code minutesAgo} minutes ago (app time zone) and lasts two hours, the trainees registered. */
    public Lecture startedMinutesAgo(int minutesAgo, List<String> trainees) {
        long lectureId = fixtures.openLecture(100, Map.of());
        trainees.forEach(phone -> fixtures.as(phone, () -> registrations.register(lectureId)));
        LocalDateTime start = LocalDateTime.now(clock).minusMinutes(minutesAgo);
        jdbc.update("UPDATE lecture SET starts_at = ?, ends_at = ?, registration_closes = ?, cancellation_deadline = ?"
                + " WHERE id = ?", start, start.plusHours(2), start.minusHours(1), start.minusHours(2), lectureId);
        return new Lecture(lectureId, trainees);
    }

    /** Turns the lecture's course into a live stream with the given stream address. */
    public void makeLive(long lectureId, String streamUrl) {
        jdbc.update("UPDATE course SET format = 'LIVE_STREAM' WHERE id = (SELECT course_id FROM lecture WHERE id = ?)",
                lectureId);
        jdbc.update("UPDATE lecture SET stream_url = ? WHERE id = ?", streamUrl, lectureId);
    }

    /** Lets the trainees sign in over HTTP with the password. */
    public void givePassword(List<String> usernames, String password) {
        usernames.forEach(u -> jdbc.update("UPDATE user_account SET password_hash = ? WHERE username = ?",
                "{noop}" + password, u));
    }
}
