package cn.tzsw.college.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.TestClock;
import cn.tzsw.college.WebClient;
import cn.tzsw.college.attendance.LectureSetup;
import cn.tzsw.college.attendance.LecturesUnderway;
import cn.tzsw.college.attendance.domain.Beat;
import cn.tzsw.college.attendance.heartbeat.HeartbeatReply;
import cn.tzsw.college.attendance.heartbeat.WatchService;
import cn.tzsw.college.catalog.CourseAdminService;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.security.SystemTasks;
import cn.tzsw.college.shared.BusinessRuleException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13, findings 2, 3, 4 and the recorded-lecture half of 5: video credit. Over real HTTP as signed-in
 * trainees, against the real database: a burst of heartbeats claiming gaps earns only what the wall clock allows;
 * out-of-range numbers are refused before they reach a write, and one trainee's failing row fails nobody else's;
 * a completion whose write failed is booked exactly once later, also after a restart; a cancelled registration or
 * lecture earns nothing; a recorded lecture is watched for credit only inside its window. The application's clock
 * ({@link TestClock}) is moved forward instead of waiting.
 */
class VideoCreditAttackTest extends IntegrationTest {

    private static final String PASSWORD = "Watch@2026";
    private static final double MAX_RATE = 2.0;

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    LecturesUnderway lectures;
    @Autowired
    LectureSetup setup;
    @Autowired
    WatchService watching;
    @Autowired
    RegistrationService registrations;
    @Autowired
    CourseAdminService courses;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;

    private record Viewer(String phone, WebClient web, long lectureId, long traineeId) {
    }

    /**
     * A trainee registered for a recorded lecture (a linked video of the given length) whose viewing window is
     * [opens, closes]; the trainee may still cancel. Signed in over HTTP.
     */
    private Viewer recorded(int videoSeconds, LocalDateTime opens, LocalDateTime closes) throws Exception {
        String phone = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false).getFirst();
        long lectureId = fixtures.openLecture(100, Map.of());
        fixtures.as(phone, () -> registrations.register(lectureId));
        jdbc.update("UPDATE course SET format = 'RECORDED_VIDEO', credit_hours = 2.0"
                + " WHERE id = (SELECT course_id FROM lecture WHERE id = ?)", lectureId);
        jdbc.update("UPDATE lecture SET starts_at = ?, ends_at = ?, registration_opens = ?, registration_closes = ?,"
                + " cancellation_deadline = ? WHERE id = ?", opens, closes, opens.minusDays(2), opens.minusDays(1),
                now().plusDays(1), lectureId);
        SystemTasks.runAsSystem(() -> {
            setup.linkVideo(lectureId, "https://video.example.cn/recorded.mp4", videoSeconds);
            return null;
        });
        lectures.givePassword(List.of(phone), PASSWORD);
        WebClient web = new WebClient(port);
        web.signIn(phone, PASSWORD);
        long traineeId = jdbc.queryForObject("SELECT id FROM trainee WHERE phone = ?", Long.class, phone);
        return new Viewer(phone, web, lectureId, traineeId);
    }

    /** A recorded lecture open since yesterday for a week. */
    private Viewer recorded(int videoSeconds) throws Exception {
        return recorded(videoSeconds, now().minusDays(1), now().plusDays(7));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private String start(Viewer viewer) {
        return fixtures.as(viewer.phone(), () -> watching.start(viewer.lectureId())).token();
    }

    private static String beat(String token, long seq, double from, double position) {
        return String.format(Locale.ROOT,
                "{\"token\":\"%s\",\"seq\":%d,\"from\":%s,\"position\":%s,\"playing\":true,\"hidden\":false,\"rate\":1}",
                token, seq, from, position);
    }

    private HttpResponse<String> send(Viewer viewer, String token, long seq, double from, double position)
            throws Exception {
        return viewer.web().postJson("/api/attendance/heartbeat", beat(token, seq, from, position));
    }

    private double credited(Viewer viewer) {
        Double seconds = jdbc.queryForObject("SELECT MAX(credited_seconds) FROM watch_progress"
                + " WHERE trainee_id = ? AND lecture_id = ?", Double.class, viewer.traineeId(), viewer.lectureId());
        return seconds == null ? 0 : seconds;
    }

    private int completions(Viewer viewer) {
        return fixtures.count("SELECT COUNT(*) FROM watch_progress WHERE trainee_id = ? AND lecture_id = ?"
                + " AND completed_at IS NOT NULL", viewer.traineeId(), viewer.lectureId());
    }

    private int hours(Viewer viewer) {
        return fixtures.count("SELECT COUNT(*) FROM hours_entry WHERE trainee_id = ? AND lecture_id = ?",
                viewer.traineeId(), viewer.lectureId());
    }

    /** Fails every heartbeat write of the trainee's watch (an upsert: its BEFORE INSERT trigger always fires). */
    private void refuseHeartbeatWrites(Viewer viewer) {
        refuse("INSERT", "NEW.trainee_id = " + viewer.traineeId());
    }

    /** Fails the write that marks the trainee's watch complete. */
    private void refuseCompletion(Viewer viewer) {
        refuse("UPDATE", "NEW.trainee_id = " + viewer.traineeId() + " AND NEW.completed_at IS NOT NULL");
    }

    private void refuse(String event, String condition) {
        jdbc.execute("CREATE TRIGGER attack_refuse_watch_write BEFORE " + event + " ON watch_progress FOR EACH ROW"
                + " BEGIN IF " + condition + " THEN"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'write refused by the test'; END IF; END");
    }

    private void allowWrites() {
        jdbc.execute("DROP TRIGGER IF EXISTS attack_refuse_watch_write");
    }

    @Test
    void twenty_one_heartbeats_claiming_the_gaps_earn_no_more_than_the_wall_clock_allows_and_complete_nothing()
            throws Exception {
        Viewer viewer = recorded(12);
        Instant started = clock.instant();
        String token = start(viewer);

        for (int k = 1; k <= 21; k++) {
            double from = 0.49 * (k - 1);
            assertThat(send(viewer, token, k, from, from + 0.01).statusCode()).isEqualTo(200);
        }
        double elapsed = Duration.between(started, clock.instant()).toMillis() / 1000.0;

        assertThat(credited(viewer)).isLessThanOrEqualTo(Math.min(0.21, MAX_RATE * elapsed) + 0.001);
        assertThat(completions(viewer)).isZero();
        assertThat(hours(viewer)).isZero();
    }

    @Test
    void a_heartbeat_number_beyond_the_stored_range_is_refused_and_fails_no_other_trainees_heartbeat()
            throws Exception {
        Viewer attacker = recorded(600);
        String attackerToken = start(attacker);
        clock.advance(Duration.ofSeconds(1));

        HttpResponse<String> huge = send(attacker, attackerToken, 3_000_000_000L, 0, 1);
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).doesNotContain("Exception");
        assertThat(send(attacker, attackerToken, 0, 0, 1).statusCode()).isEqualTo(400);
        assertThat(send(attacker, attackerToken, 1, 0, 1).statusCode()).isEqualTo(200);
    }

    @Test
    void one_trainees_failing_row_fails_only_that_trainees_heartbeats() throws Exception {
        Viewer failing = recorded(600);
        List<Viewer> others = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            others.add(recorded(600));
        }
        String failingToken = start(failing);
        List<String> otherTokens = others.stream().map(this::start).toList();
        refuseHeartbeatWrites(failing);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            for (int round = 1; round <= 10; round++) {
                clock.advance(Duration.ofSeconds(1));
                long seq = round;
                List<Callable<Integer>> beats = new ArrayList<>();
                beats.add(() -> send(failing, failingToken, seq, seq - 1, seq).statusCode());
                for (int i = 0; i < others.size(); i++) {
                    Viewer other = others.get(i);
                    String token = otherTokens.get(i);
                    beats.add(() -> send(other, token, seq, seq - 1, seq).statusCode());
                }
                List<Future<Integer>> replies = pool.invokeAll(beats);
                assertThat(replies.getFirst().get()).isEqualTo(503);
                for (Future<Integer> reply : replies.subList(1, replies.size())) {
                    assertThat(reply.get()).as("round %d", round).isEqualTo(200);
                }
            }
        } finally {
            pool.shutdown();
            allowWrites();
        }
        for (Viewer other : others) {
            assertThat(credited(other)).isEqualTo(10.0);
        }
    }

    @Test
    void a_completion_whose_heartbeat_could_not_be_stored_is_booked_exactly_once_by_the_next_heartbeat()
            throws Exception {
        Viewer viewer = recorded(2);
        String token = start(viewer);
        clock.advance(Duration.ofSeconds(2));

        refuseHeartbeatWrites(viewer);
        try {
            assertThat(send(viewer, token, 1, 0, 2).statusCode()).isEqualTo(503);
        } finally {
            allowWrites();
        }
        assertThat(hours(viewer)).isZero();

        HttpResponse<String> next = send(viewer, token, 2, 2, 2);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).contains("\"completed\":true");
        // Told 「已计入」 only once the hours are committed.
        assertThat(hours(viewer)).isEqualTo(1);
        assertThat(send(viewer, token, 3, 2, 2).body()).contains("\"completed\":true");
        assertThat(completions(viewer)).isEqualTo(1);
        assertThat(hours(viewer)).isEqualTo(1);
    }

    @Test
    void a_completion_whose_booking_failed_is_booked_after_a_restart_from_the_stored_credit() throws Exception {
        Viewer viewer = recorded(2);
        String token = start(viewer);
        clock.advance(Duration.ofSeconds(2));

        refuseCompletion(viewer);
        try {
            HttpResponse<String> reply = send(viewer, token, 1, 0, 2);
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(reply.body()).contains("\"completed\":false");
        } finally {
            allowWrites();
        }
        assertThat(credited(viewer)).isEqualTo(2.0);
        assertThat(hours(viewer)).isZero();

        // A new instance knows nothing in memory: the stored credit reaches the threshold, the booking follows.
        WatchService restarted = onAnotherNode(WatchService.class);
        HeartbeatReply reply = fixtures.as(viewer.phone(), () -> restarted.beat(token, new Beat(2, 2, 2, true, false, 1)));

        assertThat(reply.completed()).isTrue();
        assertThat(hours(viewer)).isEqualTo(1);
        assertThat(completions(viewer)).isEqualTo(1);
    }

    @Test
    void a_playback_earns_nothing_once_its_registration_is_cancelled() throws Exception {
        Viewer viewer = recorded(2);
        String token = start(viewer);
        fixtures.as(viewer.phone(), () -> {
            registrations.cancel(viewer.lectureId());
            return null;
        });
        clock.advance(Duration.ofSeconds(2));

        HttpResponse<String> reply = send(viewer, token, 1, 0, 2);

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).contains("\"completed\":false");
        assertThat(credited(viewer)).isZero();
        assertThat(completions(viewer)).isZero();
        assertThat(hours(viewer)).isZero();
    }

    @Test
    void a_playback_earns_nothing_once_its_lecture_is_cancelled() throws Exception {
        Viewer viewer = recorded(2);
        String token = start(viewer);
        SystemTasks.runAsSystem(() -> {
            courses.cancelLecture(viewer.lectureId());
            return null;
        });
        clock.advance(Duration.ofSeconds(2));

        assertThat(send(viewer, token, 1, 0, 2).statusCode()).isEqualTo(200);

        assertThat(credited(viewer)).isZero();
        assertThat(hours(viewer)).isZero();
    }

    @Test
    void a_recorded_lecture_cannot_be_watched_before_its_window_and_says_when_it_opens() throws Exception {
        LocalDateTime opens = now().plusDays(3).withHour(8).withMinute(0).withSecond(0).withNano(0);
        Viewer viewer = recorded(12, opens, opens.plusDays(60));

        assertThatThrownBy(() -> start(viewer))
                .isInstanceOfSatisfying(BusinessRuleException.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("attendance.video.notYet");
                    assertThat(refusal.arguments()).containsExactly(opens.toLocalDate());
                });
        assertThat(hours(viewer)).isZero();
    }

    @Test
    void a_heartbeat_after_the_window_earns_nothing_and_no_new_playback_starts() throws Exception {
        Viewer viewer = recorded(600, now().minusDays(1), now().plusSeconds(30));
        String token = start(viewer);
        clock.advance(Duration.ofSeconds(10));
        assertThat(send(viewer, token, 1, 0, 10).statusCode()).isEqualTo(200);
        double inside = credited(viewer);
        assertThat(inside).isEqualTo(10.0);

        clock.advance(Duration.ofSeconds(60));
        assertThat(send(viewer, token, 2, 10, 70).statusCode()).isEqualTo(200);

        // At most the 20 s left of the window, at the maximum rate: nothing for the 40 s after it.
        assertThat(credited(viewer)).isLessThanOrEqualTo(inside + 20 * MAX_RATE + 0.001);
        assertThat(credited(viewer)).isLessThan(70.0);
        double atTheEnd = credited(viewer);
        clock.advance(Duration.ofSeconds(10));
        assertThat(send(viewer, token, 3, 70, 80).statusCode()).isEqualTo(200);
        assertThat(credited(viewer)).isEqualTo(atTheEnd);
        assertThatThrownBy(() -> start(viewer))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("attendance.video.closed"));
    }

    @Test
    void the_demos_recorded_lecture_can_be_watched_for_credit_today() throws Exception {
        long lectureId = jdbc.queryForObject("SELECT l.id FROM lecture l JOIN course c ON c.id = l.course_id"
                + " WHERE c.title = '社工自我关怀与职业耗竭预防'", Long.class);
        WebClient web = new WebClient(port);
        web.signIn("13800000005", "Trainee@2026");
        long traineeId = jdbc.queryForObject("SELECT id FROM trainee WHERE phone = '13800000005'", Long.class);
        Viewer viewer = new Viewer("13800000005", web, lectureId, traineeId);

        String token = start(viewer);
        clock.advance(Duration.ofSeconds(1));

        assertThat(send(viewer, token, 1, 0, 1).statusCode()).isEqualTo(200);
        assertThat(credited(viewer)).isEqualTo(1.0);
    }
}
