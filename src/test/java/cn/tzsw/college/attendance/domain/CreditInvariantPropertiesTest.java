package cn.tzsw.college.attendance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * The crediting invariant of issue 13 (finding 2), as a property over random and adversarial heartbeat sequences:
 * whatever a client sends, the seconds credited to a watch never exceed {@code maxRate} x the wall-clock time during
 * which one of its players was current, entitled, inside the window, not past an unanswered prompt and reported
 * playing; and they never include a second that no accepted heartbeat reported as played.
 * <p>
 * The model keeps its own account of that time (it does not ask the rules): a fake clock moved by the test (zero
 * steps included), duplicate, reordered and huge sequence numbers, NaN, negative and huge positions, pauses, hidden
 * pages, a second player taking over, presence prompts that expire, a registration cancelled (and taken again),
 * changes that make the watch check its right to credit again, and restarts that read the watch back from its
 * stored text. Like the service, a heartbeat of a watch that must check first gets the model's answer.
 */
class CreditInvariantPropertiesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2026-12-06T02:00:00Z");
    private static final double EPSILON = 1e-6;

    sealed interface Step {
    }

    /** The clock moves on (often by nothing). */
    record Wait(long millis) implements Step {
    }

    /** A heartbeat of the {@code player}-th player (modulo how many there are). */
    record Send(int player, SeqKind seq, double from, double position, boolean playing, boolean hidden)
            implements Step {
    }

    /** Another player (tab) starts: it becomes current. */
    record StartPlayer() implements Step {
    }

    record ConfirmPresence(int player) implements Step {
    }

    /** The registration is cancelled: the watch is told to check again, and the check finds it gone. */
    record Revoke() implements Step {
    }

    /** A change that leaves the registration live (e.g. the lecture moved): the watch checks again. */
    record Recheck() implements Step {
    }

    /** The trainee registers again and opens the player: a new player, and the registration is live. */
    record Rejoin() implements Step {
    }

    /** The node restarts: the watch and its current player are read back from what was stored. */
    record Restart() implements Step {
    }

    enum SeqKind { NEXT, SAME, OLDER, JUMP, HUGE }

    /** The span a beat may earn is measured as Duration would measure it, to the nanosecond's whole milliseconds. */
    @Property(tries = 1000)
    void whole_milliseconds_between_two_instants_are_durations_whole_milliseconds(
            @ForAll @LongRange(min = 0, max = 4_000_000_000L) long fromSecond,
            @ForAll @IntRange(min = 0, max = 999_999_999) int fromNano,
            @ForAll @LongRange(min = 0, max = 400_000_000_000_000L) long nanosLater) {
        Instant from = Instant.ofEpochSecond(fromSecond, fromNano);
        Instant until = from.plusNanos(nanosLater + 1);
        assertThat(PlaybackState.wholeMillisBetween(from, until)).isEqualTo(Duration.between(from, until).toMillis());
    }

    @Property(tries = 1500)
    void credit_never_exceeds_the_wall_clock_allowance_nor_the_reported_play(
            @ForAll @Size(max = 80) List<@From("step") Step> steps, @ForAll("rules") PlaybackState.CreditRules rules,
            @ForAll("lengths") double length, @ForAll boolean windowed) {
        Model model = new Model(rules, length, windowed);
        for (Step step : steps) {
            model.apply(step);
            model.assertInvariant();
        }
    }

    @Example
    void the_issue_s_twenty_one_heartbeats_in_170_ms_credit_at_most_what_170_ms_allow() {
        PlaybackState.CreditRules rules = new PlaybackState.CreditRules(2.0, Duration.ZERO, Duration.ofMinutes(2),
                ZONE);
        Model model = new Model(rules, 12, false);
        for (int k = 1; k <= 21; k++) {
            model.apply(new Wait(k == 1 ? 10 : 8));
            double from = 0.49 * (k - 1);
            model.apply(new Send(0, SeqKind.NEXT, from, from + 0.01, true, false));
        }
        model.assertInvariant();
        assertThat(model.watch.creditedSeconds()).isLessThanOrEqualTo(2.0 * 0.170 + EPSILON);
        assertThat(model.watch.reached(0.85)).isFalse();
    }

    @Provide
    Arbitrary<PlaybackState.CreditRules> rules() {
        Arbitrary<Double> rate = Arbitraries.of(1.0, 1.5, 2.0, 4.0);
        Arbitrary<Duration> interval = Arbitraries.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(60));
        Arbitrary<Duration> grace = Arbitraries.of(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(30));
        return Combinators.combine(rate, interval, grace)
                .as((r, i, g) -> new PlaybackState.CreditRules(r, i, g, ZONE));
    }

    @Provide
    Arbitrary<Double> lengths() {
        return Arbitraries.of(12.0, 60.0, 600.0, 3600.0);
    }

    @Provide
    Arbitrary<Step> step() {
        Arbitrary<Long> millis = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0L)),
                Tuple.of(5, Arbitraries.longs().between(1, 1_000)),
                Tuple.of(4, Arbitraries.longs().between(1_000, 15_000)),
                Tuple.of(1, Arbitraries.longs().between(15_000, 600_000)));
        Arbitrary<Double> seconds = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.doubles().between(0, 4_000)),
                Tuple.of(2, Arbitraries.doubles().between(0, 20).ofScale(2)),
                Tuple.of(1, Arbitraries.of(0.0, 12.0, 600.0, 3600.0, -1.0, -0.0, Double.NaN,
                        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, 1e300,
                        Double.MIN_VALUE)));
        Arbitrary<Step> send = Combinators.combine(Arbitraries.integers().between(0, 3),
                        Arbitraries.of(SeqKind.class), seconds, seconds, Arbitraries.of(true, true, true, false),
                        Arbitraries.of(false, false, false, true))
                .as((player, seq, from, position, playing, hidden) ->
                        (Step) new Send(player, seq, from, position, playing, hidden));
        return Arbitraries.frequencyOf(
                Tuple.of(8, millis.map(m -> (Step) new Wait(m))),
                Tuple.of(10, send),
                Tuple.of(1, Arbitraries.<Step>just(new StartPlayer())),
                Tuple.of(1, Arbitraries.integers().between(0, 3).map(p -> (Step) new ConfirmPresence(p))),
                Tuple.of(1, Arbitraries.of(new Revoke(), new Recheck(), new Rejoin()).map(step -> (Step) step)),
                Tuple.of(1, Arbitraries.<Step>just(new Restart())));
    }

    /** One player as the model sees it: when it last had a heartbeat accepted, and its prompt. */
    private static final class Player {
        final String token;
        PlaybackState state;
        long lastAccepted;
        long promptDue = Long.MAX_VALUE;
        long seq;

        Player(String token, PlaybackState state, long now) {
            this.token = token;
            this.state = state;
            this.lastAccepted = now;
        }
    }

    private static final class Model {
        final PlaybackState.CreditRules rules;
        final double length;
        final Instant opensAt;
        final Instant closesAt;
        final List<Player> players = new ArrayList<>();
        /** Millisecond ranges [a, b) of the clock in which credit is allowed by entitlement (as checked). */
        final List<long[]> entitledRanges = new ArrayList<>();
        /** Millisecond ranges [a, b) past an unanswered prompt's grace, in which nothing may be credited. */
        final List<long[]> silencedRanges = new ArrayList<>();
        final List<double[]> reported = new ArrayList<>();
        Intervals credited = new Intervals();
        WatchState watch;
        long now;
        long entitledSince;
        boolean entitled = true;
        double allowance;
        int tokens;

        Model(PlaybackState.CreditRules rules, double length, boolean windowed) {
            this.rules = rules;
            this.length = length;
            this.opensAt = windowed ? T0.plusSeconds(20) : null;
            this.closesAt = windowed ? T0.plusSeconds(200) : null;
            this.watch = new WatchState(1, 2, false, null, length, credited, 0, null, false);
            watch.admit(watch.checks(), true, opensAt, closesAt, at(now));
            startPlayer();
        }

        void apply(Step step) {
            switch (step) {
                case Wait w -> now += w.millis();
                case Send s -> send(s);
                case StartPlayer ignored -> startPlayer();
                case ConfirmPresence c -> confirm(players.get(c.player() % players.size()));
                case Revoke ignored -> revoke();
                case Recheck ignored -> watch.recheck();
                case Rejoin ignored -> rejoin();
                case Restart ignored -> restart();
            }
        }

        private void startPlayer() {
            String token = "t" + (++tokens);
            watch.handTo(token);
            Duration interval = rules.presenceInterval();
            Instant due = interval.isZero() ? null : at(now).plus(interval);
            Player player = new Player(token, new PlaybackState(token, 9, watch, at(now), 0, due), now);
            player.promptDue = due == null ? Long.MAX_VALUE : now + interval.toMillis();
            players.add(player);
        }

        private void send(Send s) {
            Player player = players.get(s.player() % players.size());
            long seq = switch (s.seq()) {
                case NEXT -> player.seq + 1;
                case SAME -> player.seq;
                case OLDER -> Math.max(0, player.seq - 3);
                case JUMP -> player.seq + 1_000;
                case HUGE -> Integer.MAX_VALUE;
            };
            player.seq = Math.max(player.seq, seq);
            if (!watch.checked()) {
                watch.admit(watch.checks(), entitled, opensAt, closesAt, at(now));
            }
            PlaybackState.Outcome outcome = player.state.beat(new Beat(seq, s.from(), s.position(), s.playing(),
                    s.hidden(), 1.0), at(now), rules);
            if (outcome != PlaybackState.Outcome.CREDITED) {
                return;
            }
            if (s.playing() && !s.hidden()) {
                allowance += rules.maxRate() * creditableSeconds(player.lastAccepted, now);
                if (s.position() > s.from()) {
                    reported.add(new double[] {s.from(), s.position()});
                }
            }
            player.lastAccepted = now;
        }

        private void confirm(Player player) {
            if (!player.state.current()) {
                return; // the service refuses a superseded player's answer
            }
            long graceEnds = player.promptDue == Long.MAX_VALUE ? Long.MAX_VALUE
                    : player.promptDue + rules.presenceGrace().toMillis();
            if (now > graceEnds) {
                silencedRanges.add(new long[] {graceEnds, now});
            }
            player.state.confirmPresence(at(now), rules);
            player.promptDue = rules.presenceInterval().isZero() ? Long.MAX_VALUE
                    : now + rules.presenceInterval().toMillis();
        }

        private void revoke() {
            if (entitled) {
                entitledRanges.add(new long[] {entitledSince, now});
            }
            entitled = false;
            watch.recheck();
        }

        private void rejoin() {
            if (!entitled) {
                entitled = true;
                entitledSince = now;
            }
            long check = watch.checks();
            watch.admit(check, true, opensAt, closesAt, at(now));
            startPlayer();
        }

        private void restart() {
            Player current = players.stream().filter(p -> p.state.current()).findFirst().orElseThrow();
            credited = Intervals.parse(watch.intervals());
            WatchState reloaded = new WatchState(1, 2, false, null, length, credited, watch.lastPosition(),
                    watch.currentToken(), watch.completed());
            for (Player player : players) {
                PlaybackState before = player.state;
                player.state = player == current
                        ? new PlaybackState(player.token, 9, reloaded, before.lastBeatAt(), before.lastSeq(),
                                before.presenceDueAt())
                        : new PlaybackState(player.token, 9, reloaded, T0, 0, null);
            }
            watch = reloaded;
        }

        /**
         * The wall-clock seconds in (from, to] in which credit may count: entitled, inside the window, and not
         * past the grace of an unanswered prompt. Only the player whose heartbeat this is was current meanwhile
         * (a player never becomes current again once another took over).
         */
        private double creditableSeconds(long from, long to) {
            long lo = Math.max(from, opensAt == null ? Long.MIN_VALUE : millis(opensAt));
            long hi = Math.min(to, closesAt == null ? Long.MAX_VALUE : millis(closesAt));
            List<long[]> allowed = new ArrayList<>(entitledRanges);
            if (entitled) {
                allowed.add(new long[] {entitledSince, Long.MAX_VALUE});
            }
            long total = 0;
            for (long[] range : allowed) {
                long a = Math.max(lo, range[0]);
                long b = Math.min(hi, range[1]);
                if (b > a) {
                    total += b - a - silenced(a, b);
                }
            }
            return total / 1000.0;
        }

        private long silenced(long a, long b) {
            List<long[]> ranges = new ArrayList<>(silencedRanges);
            for (Player player : players) {
                if (player.state.current() && player.promptDue != Long.MAX_VALUE) {
                    ranges.add(new long[] {player.promptDue + rules.presenceGrace().toMillis(), Long.MAX_VALUE});
                }
            }
            long total = 0;
            for (long[] range : ranges) {
                total += Math.max(0, Math.min(b, range[1]) - Math.max(a, range[0]));
            }
            return total;
        }

        void assertInvariant() {
            assertThat(watch.creditedSeconds()).as("credited vs the wall-clock allowance")
                    .isLessThanOrEqualTo(allowance + EPSILON);
            assertThat(uncovered()).as("credited seconds that no accepted heartbeat reported").isLessThan(EPSILON);
            assertThat(Intervals.parse(watch.intervals()).total()).as("what a restart reads back")
                    .isLessThanOrEqualTo(watch.creditedSeconds() + EPSILON);
        }

        /** Seconds of the credited union outside the union of reported spans. */
        private double uncovered() {
            List<double[]> union = new ArrayList<>(reported);
            union.sort(Comparator.comparingDouble(r -> r[0]));
            List<double[]> merged = new ArrayList<>();
            for (double[] r : union) {
                if (!merged.isEmpty() && r[0] <= merged.getLast()[1]) {
                    merged.getLast()[1] = Math.max(merged.getLast()[1], r[1]);
                } else {
                    merged.add(r.clone());
                }
            }
            double outside = 0;
            for (double[] span : credited.spans()) {
                double inside = 0;
                for (double[] r : merged) {
                    inside += Math.max(0, Math.min(span[1], r[1]) - Math.max(span[0], r[0]));
                }
                outside += span[1] - span[0] - inside;
            }
            return outside;
        }

        private static Instant at(long millis) {
            return T0.plusMillis(millis);
        }

        private static long millis(Instant instant) {
            return Duration.between(T0, instant).toMillis();
        }
    }
}
