package cn.tzsw.college.attendance.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.TestClock;
import cn.tzsw.college.WebClient;
import cn.tzsw.college.attendance.LectureMedia;
import cn.tzsw.college.attendance.LectureSetup;
import cn.tzsw.college.attendance.LecturesUnderway;
import cn.tzsw.college.attendance.domain.Beat;
import cn.tzsw.college.security.SystemTasks;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The heartbeat endpoint over real HTTP, signed in as the trainee: only real watching earns credit, and bad or
 * foreign requests change nothing.
 */
class HeartbeatApiTest extends IntegrationTest {

    private static final String PASSWORD = "Watch@2026";
    private static final String HEARTBEAT = "/api/attendance/heartbeat";
    private static final Duration BEAT = Duration.ofSeconds(10);

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
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    private record Viewer(String phone, WebClient web, long lectureId) {
    }

    /** A registered trainee, signed in over HTTP, of a lecture with a linked video of the given length. */
    private Viewer viewer(int videoSeconds) throws Exception {
        List<String> phones = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false);
        LecturesUnderway.Lecture lecture = lectures.startedMinutesAgo(-60 * 24, phones);
        SystemTasks.runAsSystem(() -> {
            setup.linkVideo(lecture.id(), "https://video.example.cn/lecture.mp4", videoSeconds);
            return null;
        });
        lectures.givePassword(phones, PASSWORD);
        WebClient web = new WebClient(port);
        web.signIn(phones.get(0), PASSWORD);
        return new Viewer(phones.get(0), web, lecture.id());
    }

    private String start(Viewer viewer) {
        return fixtures.as(viewer.phone(), () -> watching.start(viewer.lectureId())).token();
    }

    private static String beat(String token, long seq, double from, double position, boolean hidden) {
        return String.format(Locale.ROOT,
                "{\"token\":\"%s\",\"seq\":%d,\"from\":%.2f,\"position\":%.2f,\"playing\":true,\"hidden\":%b,\"rate\":1}",
                token, seq, from, position, hidden);
    }

    private HttpResponse<String> post(Viewer viewer, String token, long seq, double from, double position)
            throws Exception {
        return viewer.web().postJson(HEARTBEAT, beat(token, seq, from, position, false));
    }

    private long storedSeq(Viewer viewer) {
        return fixtures.count("SELECT COALESCE(MAX(w.beat_seq), 0) FROM watch_progress w JOIN trainee t"
                + " ON t.id = w.trainee_id WHERE t.phone = ? AND w.lecture_id = ?", viewer.phone(), viewer.lectureId());
    }

    private double credited(Viewer viewer) {
        return fixtures.count("SELECT COALESCE(ROUND(MAX(w.credited_seconds) * 1000), 0) FROM watch_progress w"
                + " JOIN trainee t ON t.id = w.trainee_id WHERE t.phone = ? AND w.lecture_id = ?",
                viewer.phone(), viewer.lectureId()) / 1000.0;
    }

    @Test
    void the_same_heartbeat_sent_twice_credits_once() throws Exception {
        Viewer viewer = viewer(600);
        String token = start(viewer);
        clock.advance(Duration.ofMillis(1500));

        HttpResponse<String> first = viewer.web().postJson("/api/attendance/heartbeat", beat(token, 1, 0, 1.5, false));
        HttpResponse<String> again = viewer.web().postJson("/api/attendance/heartbeat", beat(token, 1, 0, 1.5, false));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(credited(viewer)).isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void a_jump_to_ninety_nine_percent_credits_about_nothing() throws Exception {
        Viewer viewer = viewer(1000);
        String token = start(viewer);
        clock.advance(Duration.ofMillis(1000));

        viewer.web().postJson("/api/attendance/heartbeat", beat(token, 1, 0, 990, false));
        viewer.web().postJson("/api/attendance/heartbeat", beat(token, 2, 990, 991, false));

        assertThat(credited(viewer)).isLessThan(5);
        assertThat(fixtures.count("SELECT COUNT(*) FROM watch_progress WHERE lecture_id = ? AND completed_at IS NOT NULL",
                viewer.lectureId())).isZero();
    }

    @Test
    void two_tabs_playing_the_same_lecture_credit_no_more_than_one() throws Exception {
        Viewer viewer = viewer(600);
        String firstTab = start(viewer);
        String secondTab = start(viewer);
        clock.advance(Duration.ofMillis(2000));

        HttpResponse<String> first = viewer.web().postJson("/api/attendance/heartbeat", beat(firstTab, 1, 100, 102, false));
        HttpResponse<String> second = viewer.web().postJson("/api/attendance/heartbeat", beat(secondTab, 1, 0, 2, false));

        assertThat(first.statusCode()).isEqualTo(409);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(credited(viewer)).isLessThanOrEqualTo(2.0 + 0.5);
        // The first tab's presence answer is refused too: it would move the watch's prompt for the second.
        assertThat(viewer.web().postJson("/api/attendance/presence", "{\"token\":\"" + firstTab + "\"}").statusCode())
                .isEqualTo(409);
    }

    @Test
    void after_a_restart_heartbeats_carry_on_from_the_stored_state() throws Exception {
        Viewer viewer = viewer(600);
        String superseded = start(viewer);
        String token = start(viewer);
        clock.advance(Duration.ofMillis(1000));
        assertThat(viewer.web().postJson("/api/attendance/heartbeat", beat(token, 1, 0, 1, false)).statusCode())
                .isEqualTo(200);

        // A new instance knows nothing in memory: it reads the players and their watch back from the database.
        WatchService restarted = onAnotherNode(WatchService.class);
        clock.advance(Duration.ofMillis(1000));

        HeartbeatReply replayed = fixtures.as(viewer.phone(), () -> restarted.beat(token, new Beat(1, 1, 2, true, false, 1)));
        assertThat(replayed.creditedSeconds()).isCloseTo(1.0, within(0.05));
        HeartbeatReply next = fixtures.as(viewer.phone(), () -> restarted.beat(token, new Beat(2, 1, 2, true, false, 1)));
        assertThat(next.creditedSeconds()).isCloseTo(2.0, within(0.05));
        assertThat(credited(viewer)).isCloseTo(2.0, within(0.05));
        assertThatThrownBy(() -> fixtures.as(viewer.phone(),
                () -> restarted.beat(superseded, new Beat(1, 0, 1, true, false, 1))))
                .isInstanceOf(WatchService.SupersededException.class);
    }

    @Test
    void time_in_a_hidden_tab_is_not_credited() throws Exception {
        Viewer viewer = viewer(600);
        String token = start(viewer);
        clock.advance(Duration.ofMillis(1000));

        HttpResponse<String> reply = viewer.web().postJson("/api/attendance/heartbeat", beat(token, 1, 0, 1, true));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(credited(viewer)).isZero();
    }

    @Test
    void another_users_token_is_refused_with_403() throws Exception {
        Viewer owner = viewer(600);
        Viewer intruder = viewer(600);
        String token = start(owner);
        clock.advance(Duration.ofMillis(500));

        HttpResponse<String> reply = intruder.web().postJson("/api/attendance/heartbeat", beat(token, 1, 0, 0.5, false));

        assertThat(reply.statusCode()).isEqualTo(403);
        assertThat(credited(owner)).isZero();
    }

    @Test
    void malformed_negative_and_unknown_heartbeats_get_400_or_404_and_change_nothing() throws Exception {
        Viewer viewer = viewer(600);
        String token = start(viewer);
        clock.advance(Duration.ofMillis(1000));

        assertThat(viewer.web().postJson("/api/attendance/heartbeat", "{\"token\":").statusCode()).isEqualTo(400);
        assertThat(viewer.web().postJson("/api/attendance/heartbeat", "[1,2]").statusCode()).isEqualTo(400);
        // Wrong types, a second object, a missing position: malformed too.
        assertThat(viewer.web().postJson("/api/attendance/heartbeat", beat(token, 1, 0, 1, false)
                .replace("\"seq\":1", "\"seq\":\"1\"")).statusCode()).isEqualTo(400);
        assertThat(viewer.web().postJson("/api/attendance/heartbeat", beat(token, 1, 0, 1, false)
                .replace("\"playing\":true", "\"playing\":\"yes\"")).statusCode()).isEqualTo(400);
        assertThat(viewer.web().postJson("/api/attendance/heartbeat", beat(token, 1, 0, 1, false) + "{}").statusCode())
                .isEqualTo(400);
        assertThat(viewer.web().postJson("/api/attendance/heartbeat", "{\"token\":\"" + token + "\",\"seq\":1,"
                + "\"from\":0}").statusCode()).isEqualTo(400);
        assertThat(viewer.web().postJson("/api/attendance/heartbeat", beat(token, 1, 0, -5, false)).statusCode())
                .isEqualTo(400);
        assertThat(viewer.web().postJson("/api/attendance/heartbeat", beat(token, -1, 0, 1, false)).statusCode())
                .isEqualTo(400);
        HttpResponse<String> unknown = viewer.web().postJson("/api/attendance/heartbeat",
                beat("AAAAAAAAAAAAAAAAAAAAAA", 1, 0, 1, false));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).doesNotContain("Exception");
        assertThat(credited(viewer)).isZero();

        HttpResponse<String> anonymous = new WebClient(port).postJson("/api/attendance/heartbeat", beat(token, 1, 0, 1, false));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(credited(viewer)).isZero();
    }

    @Test
    void a_heartbeat_that_is_not_json_or_not_from_a_trainee_is_refused_and_changes_nothing() throws Exception {
        Viewer viewer = viewer(600);
        String token = start(viewer);
        clock.advance(Duration.ofMillis(1000));

        HttpResponse<String> form = viewer.web().postForm("/api/attendance/heartbeat", beat(token, 1, 0, 1, false));
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.body()).contains("not-json");
        WebClient coordinator = new WebClient(port);
        coordinator.signIn("jj-coord", "Demo@2026");
        assertThat(coordinator.postJson("/api/attendance/heartbeat", beat(token, 1, 0, 1, false)).statusCode())
                .isEqualTo(403);
        assertThat(credited(viewer)).isZero();
    }

    @Test
    void completion_books_hours_exactly_once_when_the_last_heartbeats_arrive_together() throws Exception {
        Viewer viewer = viewer(4);
        String token = start(viewer);
        clock.advance(Duration.ofMillis(2200));

        List<Callable<Integer>> beats = new ArrayList<>();
        for (int seq = 1; seq <= 8; seq++) {
            long s = seq;
            beats.add(() -> viewer.web().postJson("/api/attendance/heartbeat", beat(token, s, 0, 4, false)).statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Integer> status : pool.invokeAll(beats)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        // Every reply is in, and a completion is booked before its reply: nothing may come later.
        assertThat(hours(viewer)).isEqualTo(1);
        assertThat(fixtures.count("SELECT COUNT(*) FROM hours_entry h JOIN trainee t ON t.id = h.trainee_id"
                + " WHERE t.phone = ? AND h.source = 'VIDEO'", viewer.phone())).isEqualTo(1);
    }

    private int hours(Viewer viewer) {
        return fixtures.count("SELECT COUNT(*) FROM hours_entry h JOIN trainee t ON t.id = h.trainee_id"
                + " WHERE t.phone = ? AND h.lecture_id = ?", viewer.phone(), viewer.lectureId());
    }

    @Test
    void live_watching_is_credited_by_the_clock_during_the_scheduled_time_only() throws Exception {
        List<String> phones = fixtures.trainees(2, LecturesUnderway.JIAOJIANG_VILLAGE, false);
        LecturesUnderway.Lecture now = lectures.startedMinutesAgo(5, List.of(phones.get(0)));
        LecturesUnderway.Lecture later = lectures.startedMinutesAgo(-24 * 60, List.of(phones.get(0)));
        lectures.makeLive(now.id(), "https://live.example.cn/now.m3u8");
        lectures.makeLive(later.id(), "https://live.example.cn/later.m3u8");
        lectures.givePassword(phones, PASSWORD);
        WebClient web = new WebClient(port);
        web.signIn(phones.get(0), PASSWORD);
        Viewer viewer = new Viewer(phones.get(0), web, now.id());

        PlaybackStart live = fixtures.as(viewer.phone(), () -> watching.start(now.id()));
        assertThat(live.live()).isTrue();
        assertThat(live.hls()).isTrue();
        clock.advance(Duration.ofMillis(1500));
        HttpResponse<String> reply = web.postJson("/api/attendance/heartbeat", beat(live.token(), 1, 0, 99_999, false));
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(credited(viewer)).isBetween(1.0, 10.0);
        assertThat(web.postJson("/api/attendance/presence", "{\"token\":\"" + live.token() + "\"}").statusCode())
                .isEqualTo(204);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixtures.as(viewer.phone(), () -> watching.start(later.id())))
                .isInstanceOf(cn.tzsw.college.shared.BusinessRuleException.class)
                .hasMessageContaining("attendance.live.notNow");
    }

    @Test
    void an_uploaded_mp4_is_served_with_range_requests_and_other_files_are_refused() throws Exception {
        Viewer viewer = viewer(600);
        try (InputStream mp4 = getClass().getResourceAsStream("/video/lecture-12s.mp4")) {
            LectureMedia media = SystemTasks.runAsSystem(() -> setup.uploadVideo(viewer.lectureId(), "讲座.mp4", mp4));
            assertThat(media.videoSeconds()).isEqualTo(12);
            assertThat(media.videoName()).isEqualTo("讲座.mp4");
        }
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        HttpResponse<byte[]> anonymous = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/media/lectures/" + viewer.lectureId() + "/video"))
                .header("Range", "bytes=0-99").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.statusCode()).isNotEqualTo(206);
        HttpResponse<byte[]> part = viewer.web().getRange("/media/lectures/" + viewer.lectureId() + "/video",
                "bytes=100-199");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).hasSize(100);
        assertThat(part.headers().firstValue("Content-Range")).hasValueSatisfying(v -> assertThat(v).startsWith("bytes 100-199/"));

        assertThat(fixtures.as(viewer.phone(), () -> watching.start(viewer.lectureId())).source())
                .isEqualTo("/media/lectures/" + viewer.lectureId() + "/video");

        byte[] notVideo = "<html>not a video</html>".getBytes();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SystemTasks.runAsSystem(() ->
                        setup.uploadVideo(viewer.lectureId(), "fake.mp4", new java.io.ByteArrayInputStream(notVideo))))
                .isInstanceOf(cn.tzsw.college.shared.BusinessRuleException.class)
                .hasMessageContaining("attendance.video.notMp4");
        assertThat(SystemTasks.runAsSystem(() -> setup.media(viewer.lectureId())).videoSeconds()).isEqualTo(12);
    }

    /**
     * A heartbeat is answered by the writer thread after its commit; a row the database refuses is sent back to the
     * handler, which answers 503, and fails no other trainee's heartbeat.
     */
    @Test
    void a_heartbeat_whose_row_the_database_refuses_gets_503_and_another_trainees_is_stored() throws Exception {
        Viewer refused = viewer(600);
        Viewer other = viewer(600);
        String refusedToken = start(refused);
        String otherToken = start(other);
        clock.advance(BEAT);
        jdbc.execute("CREATE TRIGGER refuse_beat_seq_2 BEFORE INSERT ON watch_progress FOR EACH ROW"
                + " IF NEW.beat_seq = 2 AND NEW.lecture_id = " + refused.lectureId()
                + " THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test'; END IF");
        try {
            assertThat(post(refused, refusedToken, 1, 0, 10).statusCode()).isEqualTo(200);
            HttpResponse<String> failed = post(refused, refusedToken, 2, 10, 20);
            HttpResponse<String> stored = post(other, otherToken, 1, 0, 10);

            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(failed.body()).contains("try-again");
            assertThat(stored.statusCode()).isEqualTo(200);
            assertThat(storedSeq(refused)).isEqualTo(1);
            assertThat(storedSeq(other)).isEqualTo(1);
        } finally {
            jdbc.execute("DROP TRIGGER refuse_beat_seq_2");
        }
        clock.advance(BEAT);
        assertThat(post(refused, refusedToken, 3, 20, 30).statusCode()).isEqualTo(200);
        assertThat(storedSeq(refused)).isEqualTo(3);
    }

    @Test
    void a_heartbeat_after_another_nodes_write_is_applied_to_the_stored_watch_and_answered() throws Exception {
        Viewer viewer = viewer(600);
        String token = start(viewer);
        WatchService otherNode = onAnotherNode(WatchService.class);
        clock.advance(BEAT);
        assertThat(post(viewer, token, 1, 0, 10).statusCode()).isEqualTo(200);
        clock.advance(BEAT);
        HeartbeatReply there = fixtures.as(viewer.phone(),
                () -> otherNode.beat(token, new Beat(2, 10, 20, true, false, 1)));
        assertThat(there.creditedSeconds()).isCloseTo(20, within(0.05));
        clock.advance(BEAT);

        // This node's memory of the watch is a write behind: its write loses, it reads the watch and writes again.
        HttpResponse<String> here = post(viewer, token, 3, 20, 30);

        assertThat(here.statusCode()).isEqualTo(200);
        assertThat(here.body()).contains("\"seq\":3", "\"creditedSeconds\":30.0");
        assertThat(storedSeq(viewer)).isEqualTo(3);
        assertThat(credited(viewer)).isCloseTo(30, within(0.05));
    }
}
