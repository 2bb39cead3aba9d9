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

    private final WatchState watch = entitled(new WatchState(1, 2, false, null, 1000, new Intervals(), 0, "a", false));
    private final PlaybackState player = new PlaybackState("a", 9, watch, T0, 0, null);

    /** A watch whose registration was checked and found live; no window. */
    private static WatchState entitled(WatchState watch) {
        watch.admit(watch.checks(), true, null, null, T0);
        return watch;
    }

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
        assertThat(watch.reached(0.85)).isFalse();
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
        WatchState live = entitled(new WatchState(1, 2, true, start, 3600, new Intervals(), 0, "l", false));
        PlaybackState viewer = new PlaybackState("l", 9, live, T0, 0, null);
        viewer.beat(new Beat(1, 0, 12345, true, false, 1), T0.plusSeconds(15), RULES);
        viewer.beat(new Beat(2, 0, 99999, true, false, 1), T0.plusSeconds(30), RULES);
        assertThat(live.creditedSeconds()).isCloseTo(30, within(0.01));
    }

    @Test
    void the_threshold_is_reached_at_eighty_five_percent_and_not_before() {
        for (int i = 1; i <= 84; i++) {
            beat(i, (i - 1) * 10, i * 10, i * 10);
        }
        assertThat(watch.reached(0.85)).isFalse();
        beat(85, 840, 850, 850);
        assertThat(watch.reached(0.85)).isTrue();
    }

    @Test
    void intervals_merge_and_survive_their_text_form() {
        Intervals intervals = new Intervals();
        intervals.add(0, 10);
        intervals.add(30, 40);
        intervals.add(10, 20.25);
        assertThat(intervals.toString()).isEqualTo("0-20.25;30-40");
        assertThat(Intervals.parse(intervals.toString()).total()).isCloseTo(30.25, within(0.001));
    }

    @Test
    void spans_apart_are_not_joined_however_close() {
        Intervals intervals = new Intervals();
        for (int k = 0; k < 21; k++) {
            intervals.add(0.49 * k, 0.49 * k + 0.01);
        }
        assertThat(intervals.total()).isCloseTo(0.21, within(1e-9));
    }

    @Test
    void the_text_form_shrinks_each_span_to_the_millisecond_and_reads_older_texts() {
        Intervals intervals = new Intervals();
        intervals.add(0.1494, 0.1516);
        intervals.add(1.0005, 1.0009);
        intervals.add(2, 3.0625);
        assertThat(intervals.toString()).isEqualTo("0.15-0.151;2-3.062");
        assertThat(Intervals.parse(intervals.toString()).total()).isLessThanOrEqualTo(intervals.total());
        assertThat(Intervals.parse("0-610.5;900-1200").total()).isCloseTo(910.5, within(1e-9));
    }

    @Test
    void a_recorded_lecture_earns_nothing_outside_its_window() {
        WatchState windowed = new WatchState(1, 2, false, null, 1000, new Intervals(), 0, "w", false);
        windowed.admit(windowed.checks(), true, T0.plusSeconds(100), T0.plusSeconds(200), T0);
        PlaybackState viewer = new PlaybackState("w", 9, windowed, T0, 0, null);
        viewer.beat(new Beat(1, 0, 90, true, false, 1), T0.plusSeconds(90), RULES);
        assertThat(windowed.creditedSeconds()).isZero();
        // 100 s of the window at up to twice the speed: the 110 s reported fit.
        viewer.beat(new Beat(2, 90, 200, true, false, 1), T0.plusSeconds(200), RULES);
        assertThat(windowed.creditedSeconds()).isCloseTo(110, within(0.01));
        viewer.beat(new Beat(3, 200, 300, true, false, 1), T0.plusSeconds(300), RULES);
        assertThat(windowed.creditedSeconds()).isCloseTo(110, within(0.01));
    }

    @Test
    void a_watch_earns_nothing_once_told_to_check_again() {
        watch.recheck();
        beat(1, 0, 10, 10);
        assertThat(watch.creditedSeconds()).isZero();
    }

    @Test
    void numbers_that_are_not_finite_credit_nothing_and_move_nothing() {
        beat(1, 0, 10, 10);
        player.beat(new Beat(2, Double.NaN, 20, true, false, 1), T0.plusSeconds(20), RULES);
        player.beat(new Beat(3, 10, Double.POSITIVE_INFINITY, true, false, 1), T0.plusSeconds(30), RULES);
        assertThat(watch.creditedSeconds()).isCloseTo(10, within(1e-9));
        assertThat(watch.lastPosition()).isEqualTo(10);
    }
}
