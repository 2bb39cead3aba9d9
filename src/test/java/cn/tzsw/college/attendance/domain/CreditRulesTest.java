package cn.tzsw.college.attendance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The crediting rules of video watching, on a 1,000-second video, with the clock in the test's hand. */
class CreditRulesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final PlaybackState.CreditRules RULES = new PlaybackState.CreditRules(2.0, Duration.ZERO,
            Duration.ofMinutes(2), ZONE);
    private static final Instant T0 = Instant.parse("2026-11-29T02:00:00Z");

    private final WatchState watch = new WatchState(1, 2, false, null, 1000, new Intervals(), 0, "a", false);
    private final PlaybackState player = new PlaybackState("a", 9, watch, T0, 0, null);

    private PlaybackState.Outcome beat(long seq, double from, double position, int atSecond) {
        return player.beat(new Beat(seq, from, position, true, false, 1.0), T0.plusSeconds(atSecond), RULES);
    }

    @Test
    void ten_seconds_of_playing_credit_ten_seconds() {
        beat(1, 0, 10, 10);
        assertThat(watch.creditedSeconds()).isCloseTo(10, within(0.01));
    }

    @Test
    void the_same_heartbeat_sent_twice_credits_once() {
        beat(1, 0, 10, 10);
        assertThat(beat(1, 0, 10, 11)).isEqualTo(PlaybackState.Outcome.DUPLICATE);
        assertThat(watch.creditedSeconds()).isCloseTo(10, within(0.01));
    }

    @Test
    void a_jump_to_the_end_credits_no_more_than_the_wall_clock_allows() {
        beat(1, 0, 990, 10);
        assertThat(watch.creditedSeconds()).isLessThanOrEqualTo(20.0);
        assertThat(watch.completeIfReached(0.85)).isFalse();
    }

    @Test
    void a_reported_seek_credits_only_what_played_after_it() {
        beat(1, 985, 990, 10);
        assertThat(watch.creditedSeconds()).isCloseTo(5, within(0.01));
    }

    @Test
    void watching_faster_than_the_maximum_rate_is_credited_at_the_maximum() {
        beat(1, 0, 40, 10);
        assertThat(watch.creditedSeconds()).isCloseTo(20, within(0.01));
    }

    @Test
    void watching_the_same_part_again_adds_nothing() {
        beat(1, 0, 10, 10);
        beat(2, 0, 10, 20);
        assertThat(watch.creditedSeconds()).isCloseTo(10, within(0.01));
    }

    @Test
    void hidden_and_paused_spans_are_not_credited() {
        player.beat(new Beat(1, 0, 10, true, true, 1.0), T0.plusSeconds(10), RULES);
        player.beat(new Beat(2, 10, 20, false, false, 1.0), T0.plusSeconds(20), RULES);
        assertThat(watch.creditedSeconds()).isZero();
    }

    @Test
    void a_superseded_player_earns_nothing() {
        watch.handTo("b");
        assertThat(beat(1, 0, 10, 10)).isEqualTo(PlaybackState.Outcome.SUPERSEDED);
        assertThat(watch.creditedSeconds()).isZero();
    }

    @Test
    void an_unanswered_presence_prompt_pauses_credit_until_it_is_answered() {
        PlaybackState.CreditRules prompting = new PlaybackState.CreditRules(2.0, Duration.ofSeconds(60),
                Duration.ofSeconds(30), ZONE);
        PlaybackState prompted = new PlaybackState("a", 9, watch, T0, 0, T0.plusSeconds(60));
        prompted.beat(new Beat(1, 0, 60, true, false, 1), T0.plusSeconds(60), prompting);
        assertThat(prompted.presenceDue(T0.plusSeconds(60))).isTrue();
        // Played on for 5 minutes without answering: only the 30 s of grace count (at most at the maximum rate).
        prompted.beat(new Beat(2, 60, 360, true, false, 1), T0.plusSeconds(360), prompting);
        assertThat(watch.creditedSeconds()).isGreaterThan(60).isLessThanOrEqualTo(60 + 30 * 2.0);
        double before = watch.creditedSeconds();
        prompted.confirmPresence(T0.plusSeconds(400), prompting);
        prompted.beat(new Beat(3, 360, 370, true, false, 1), T0.plusSeconds(410), prompting);
        assertThat(watch.creditedSeconds() - before).isCloseTo(10, within(0.01));
    }

    @Test
    void live_watching_is_credited_by_the_schedule_once_whatever_the_position() {
        LocalDateTime start = LocalDateTime.ofInstant(T0, ZONE);
        WatchState live = new WatchState(1, 2, true, start, 3600, new Intervals(), 0, "l", false);
        PlaybackState viewer = new PlaybackState("l", 9, live, T0, 0, null);
        viewer.beat(new Beat(1, 0, 12345, true, false, 1), T0.plusSeconds(15), RULES);
        viewer.beat(new Beat(2, 0, 99999, true, false, 1), T0.plusSeconds(30), RULES);
        assertThat(live.creditedSeconds()).isCloseTo(30, within(0.01));
    }

    @Test
    void completion_is_reported_once() {
        for (int i = 1; i <= 90; i++) {
            beat(i, (i - 1) * 10, i * 10, i * 10);
        }
        assertThat(watch.completeIfReached(0.85)).isTrue();
        assertThat(watch.completeIfReached(0.85)).isFalse();
    }

    @Test
    void intervals_merge_and_survive_their_text_form() {
        Intervals intervals = new Intervals();
        intervals.add(0, 10);
        intervals.add(30, 40);
        intervals.add(10, 20.25);
        assertThat(intervals.toString()).isEqualTo("0-20.3;30-40");
        assertThat(Intervals.parse(intervals.toString()).total()).isCloseTo(30.3, within(0.01));
    }
}
