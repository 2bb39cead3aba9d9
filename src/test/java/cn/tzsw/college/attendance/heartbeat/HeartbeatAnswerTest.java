package cn.tzsw.college.attendance.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.TestClock;
import cn.tzsw.college.WebClient;
import cn.tzsw.college.attendance.LectureSetup;
import cn.tzsw.college.attendance.LecturesUnderway;
import cn.tzsw.college.attendance.domain.Beat;
import cn.tzsw.college.security.SystemTasks;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A heartbeat is answered by the thread that commits its write; these are the answers that thread leaves to the
 * request's own: a write the database refused (503, nothing acknowledged) and a write that lost to another node's
 * (applied again to the stored watch, then answered), over real HTTP.
 */
class HeartbeatAnswerTest extends IntegrationTest {

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

    private record Viewer(String phone, WebClient web, long lectureId, String token) {
    }

    /** A registered trainee, signed in over HTTP, playing a lecture's ten-minute video. */
    private Viewer viewer() throws Exception {
        List<String> phones = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false);
        LecturesUnderway.Lecture lecture = lectures.startedMinutesAgo(-60 * 24, phones);
        SystemTasks.runAsSystem(() -> {
            setup.linkVideo(lecture.id(), "https://video.example.cn/lecture.mp4", 600);
            return null;
        });
        lectures.givePassword(phones, PASSWORD);
        WebClient web = new WebClient(port);
        web.signIn(phones.get(0), PASSWORD);
        String token = fixtures.as(phones.get(0), () -> watching.start(lecture.id())).token();
        return new Viewer(phones.get(0), web, lecture.id(), token);
    }

    private static HttpResponse<String> beat(Viewer viewer, long seq, double from, double position) throws Exception {
        return viewer.web().postJson(HEARTBEAT, String.format(Locale.ROOT,
                "{\"token\":\"%s\",\"seq\":%d,\"from\":%.2f,\"position\":%.2f,\"playing\":true,\"hidden\":false}",
                viewer.token(), seq, from, position));
    }

    private long storedSeq(Viewer viewer) {
        return fixtures.count("SELECT COALESCE(MAX(w.beat_seq), 0) FROM watch_progress w JOIN trainee t"
                + " ON t.id = w.trainee_id WHERE t.phone = ? AND w.lecture_id = ?", viewer.phone(), viewer.lectureId());
    }

    private double stored(Viewer viewer) {
        return fixtures.count("SELECT COALESCE(ROUND(MAX(w.credited_seconds) * 1000), 0) FROM watch_progress w"
                + " JOIN trainee t ON t.id = w.trainee_id WHERE t.phone = ? AND w.lecture_id = ?",
                viewer.phone(), viewer.lectureId()) / 1000.0;
    }

    @Test
    void a_heartbeat_whose_row_the_database_refuses_gets_503_and_another_trainees_is_stored() throws Exception {
        Viewer refused = viewer();
        Viewer other = viewer();
        clock.advance(BEAT);
        jdbc.execute("CREATE TRIGGER refuse_beat_seq_2 BEFORE INSERT ON watch_progress FOR EACH ROW"
                + " IF NEW.beat_seq = 2 AND NEW.lecture_id = " + refused.lectureId()
                + " THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test'; END IF");
        try {
            assertThat(beat(refused, 1, 0, 10).statusCode()).isEqualTo(200);
            HttpResponse<String> failed = beat(refused, 2, 10, 20);
            HttpResponse<String> stored = beat(other, 1, 0, 10);

            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(failed.body()).contains("try-again");
            assertThat(stored.statusCode()).isEqualTo(200);
            assertThat(storedSeq(refused)).isEqualTo(1);
            assertThat(storedSeq(other)).isEqualTo(1);
        } finally {
            jdbc.execute("DROP TRIGGER refuse_beat_seq_2");
        }
        clock.advance(BEAT);
        assertThat(beat(refused, 3, 20, 30).statusCode()).isEqualTo(200);
        assertThat(storedSeq(refused)).isEqualTo(3);
    }

    @Test
    void a_heartbeat_after_another_nodes_write_is_applied_to_the_stored_watch_and_answered() throws Exception {
        Viewer viewer = viewer();
        WatchService otherNode = onAnotherNode(WatchService.class);
        clock.advance(BEAT);
        assertThat(beat(viewer, 1, 0, 10).statusCode()).isEqualTo(200);
        clock.advance(BEAT);
        HeartbeatReply there = fixtures.as(viewer.phone(),
                () -> otherNode.beat(viewer.token(), new Beat(2, 10, 20, true, false, 1)));
        assertThat(there.creditedSeconds()).isCloseTo(20, within(0.05));
        clock.advance(BEAT);

        // This node's memory of the watch is a write behind: its write loses, it reads the watch and writes again.
        HttpResponse<String> here = beat(viewer, 3, 20, 30);

        assertThat(here.statusCode()).isEqualTo(200);
        assertThat(here.body()).contains("\"seq\":3", "\"creditedSeconds\":30.0");
        assertThat(storedSeq(viewer)).isEqualTo(3);
        assertThat(stored(viewer)).isCloseTo(30, within(0.05));
    }
}
