package cn.tzsw.college.attendance.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.TestClock;
import cn.tzsw.college.attendance.LectureSetup;
import cn.tzsw.college.attendance.LecturesUnderway;
import cn.tzsw.college.attendance.domain.Beat;
import cn.tzsw.college.security.SystemTasks;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two app nodes over one database, modelled as two watch services with their own memory: the stored watch decides
 * which player earns credit and what was credited, whichever node a heartbeat reaches.
 */
class WatchOnTwoNodesTest extends IntegrationTest {

    private static final double MAX_RATE = 2.0;
    private static final Duration BEAT = Duration.ofSeconds(10);

    @Autowired
    Fixtures fixtures;
    @Autowired
    LecturesUnderway lectures;
    @Autowired
    LectureSetup setup;
    @Autowired
    TestClock clock;

    private record Viewer(String phone, long lectureId) {
    }

    private Viewer viewer(int videoSeconds) {
        List<String> phones = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false);
        LecturesUnderway.Lecture lecture = lectures.startedMinutesAgo(-60 * 24, phones);
        SystemTasks.runAsSystem(() -> {
            setup.linkVideo(lecture.id(), "https://video.example.cn/lecture.mp4", videoSeconds);
            return null;
        });
        return new Viewer(phones.get(0), lecture.id());
    }

    /** A second node: a watch service with a memory of its own, over the same database. */
    private WatchService node() {
        return onAnotherNode(WatchService.class);
    }

    private String start(WatchService node, Viewer viewer) {
        return fixtures.as(viewer.phone(), () -> node.start(viewer.lectureId())).token();
    }

    /** The heartbeat's reply, or null when the node refused it as a superseded player's. */
    private HeartbeatReply beat(WatchService node, Viewer viewer, String token, Beat beat) {
        try {
            return fixtures.as(viewer.phone(), () -> node.beat(token, beat));
        } catch (WatchService.SupersededException e) {
            return null;
        }
    }

    private double stored(Viewer viewer) {
        return fixtures.count("SELECT COALESCE(ROUND(MAX(w.credited_seconds) * 1000), 0) FROM watch_progress w"
                + " JOIN trainee t ON t.id = w.trainee_id WHERE t.phone = ? AND w.lecture_id = ?",
                viewer.phone(), viewer.lectureId()) / 1000.0;
    }

    @Test
    void two_players_of_one_watch_on_two_nodes_earn_no_more_than_the_wall_clock_and_book_one_completion() {
        WatchService nodeA = node();
        WatchService nodeB = node();
        Viewer viewer = viewer(600);
        String first = start(nodeA, viewer);
        double wallClock = 0;
        double positionA = 0;
        for (int seq = 1; seq <= 3; seq++) {
            clock.advance(BEAT);
            wallClock += BEAT.toSeconds();
            assertThat(beat(nodeA, viewer, first, new Beat(seq, positionA, positionA + 20, true, false, 2)))
                    .isNotNull();
            positionA += 20;
        }
        String second = start(nodeB, viewer);
        // The second device carries on where the first was; the first jumps ahead on node A.
        double positionB = positionA;
        positionA = 400;
        double storedBefore = stored(viewer);
        int refusedOnA = 0;
        for (int seq = 1; seq <= 30; seq++) {
            clock.advance(BEAT);
            wallClock += BEAT.toSeconds();
            // The first device keeps playing on node A, interleaved with the second device on node B.
            if (beat(nodeA, viewer, first, new Beat(seq + 3, positionA, positionA + 20, true, false, 2)) == null) {
                refusedOnA++;
            }
            positionA += 20;
            assertThat(stored(viewer)).as("node A never overwrites node B's credit").isGreaterThanOrEqualTo(storedBefore);
            assertThat(beat(nodeB, viewer, second, new Beat(seq, positionB, positionB + 20, true, false, 2)))
                    .isNotNull();
            positionB += 20;
            assertThat(stored(viewer)).isLessThanOrEqualTo(wallClock * MAX_RATE + 0.05);
            storedBefore = stored(viewer);
        }

        assertThat(refusedOnA).as("the superseded player on node A earns nothing").isEqualTo(30);
        assertThat(fixtures.count("SELECT COUNT(*) FROM watch_progress w JOIN trainee t ON t.id = w.trainee_id"
                + " WHERE t.phone = ? AND w.lecture_id = ? AND w.completed_at IS NOT NULL",
                viewer.phone(), viewer.lectureId())).isEqualTo(1);
        assertThat(fixtures.count("SELECT COUNT(*) FROM hours_entry h JOIN trainee t ON t.id = h.trainee_id"
                + " WHERE t.phone = ? AND h.lecture_id = ?", viewer.phone(), viewer.lectureId())).isEqualTo(1);
    }

    @Test
    void a_player_moved_to_another_node_keeps_its_credit_without_doubling() {
        WatchService nodeA = node();
        WatchService nodeB = node();
        Viewer viewer = viewer(600);
        String token = start(nodeA, viewer);
        double position = 0;
        int seq = 0;
        long lastBeat = 0;
        // Ten seconds a heartbeat, at normal speed: 30 s on A, 20 s on B, 10 s on A again, 10 s on B again.
        for (WatchService node : List.of(nodeA, nodeA, nodeA, nodeB, nodeB, nodeA, nodeB)) {
            clock.advance(BEAT);
            seq++;
            // Before the call: the server reads its clock inside it, and the reply waits for the write.
            lastBeat = System.nanoTime();
            HeartbeatReply reply = beat(node, viewer, token, new Beat(seq, position, position + 10, true, false, 1));
            assertThat(reply).isNotNull();
            position += 10;
            assertThat(reply.creditedSeconds()).isCloseTo(position, within(0.05));
            assertThat(stored(viewer)).isCloseTo(position, within(0.05));
        }

        // A heartbeat that comes back to a node that has not seen the last ones earns only the time since them
        // (the test clock runs on with real time, so the real time between the two heartbeats counts too).
        clock.advance(BEAT);
        HeartbeatReply jump = beat(nodeA, viewer, token, new Beat(++seq, position, position + 60, true, false, 1));
        double realSeconds = (System.nanoTime() - lastBeat) / 1e9;
        assertThat(jump).isNotNull();
        assertThat(stored(viewer)).isBetween(position + BEAT.toSeconds() * MAX_RATE - 0.05,
                position + (BEAT.toSeconds() + realSeconds) * MAX_RATE + 0.05);
    }
}
