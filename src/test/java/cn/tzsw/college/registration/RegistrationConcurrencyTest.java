package cn.tzsw.college.registration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.shared.BusinessRuleException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Seats under a burst of simultaneous clicks, on the real database. */
class RegistrationConcurrencyTest extends IntegrationTest {

    static final String VILLAGE = "331002001003";

    @Autowired
    Fixtures fixtures;
    @Autowired
    RegistrationService registrations;

    private <T> List<T> inParallel(int threads, List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_burst_of_1000_registrations_for_100_seats_registers_exactly_100() throws Exception {
        List<String> phones = fixtures.trainees(1000, VILLAGE, false);
        long lectureId = fixtures.openLecture(100, Map.of());

        List<Callable<RegistrationOutcome>> tasks = phones.stream()
                .map(phone -> (Callable<RegistrationOutcome>) () -> fixtures.as(phone, () -> registrations.register(lectureId)))
                .toList();
        List<RegistrationOutcome> outcomes = inParallel(64, tasks);

        assertThat(outcomes).filteredOn(o -> o.status() == RegistrationStatus.REGISTERED).hasSize(100);
        assertThat(outcomes).filteredOn(o -> o.status() == RegistrationStatus.WAITLISTED).hasSize(900);
        assertThat(fixtures.count("SELECT taken FROM lecture WHERE id = ?", lectureId)).isEqualTo(100);
        assertThat(fixtures.count("SELECT COUNT(*) FROM registration WHERE lecture_id = ? AND status = 'REGISTERED'", lectureId))
                .isEqualTo(100);
        assertThat(fixtures.count("SELECT COUNT(DISTINCT trainee_id) FROM registration WHERE lecture_id = ?", lectureId))
                .isEqualTo(1000);
        assertThat(fixtures.count("SELECT COUNT(*) FROM registration WHERE lecture_id = ?", lectureId)).isEqualTo(1000);
    }

    /** A phone's repeated taps: the claim and the row are one statement, and a refused row takes no seat. */
    @Test
    void one_trainee_tapping_register_many_times_at_once_holds_one_registration_and_one_seat() throws Exception {
        String phone = fixtures.trainees(1, VILLAGE, false).getFirst();
        long lectureId = fixtures.openLecture(5, Map.of());

        List<Callable<String>> taps = Collections.nCopies(16, () -> {
            try {
                return fixtures.as(phone, () -> registrations.register(lectureId)).status().name();
            } catch (BusinessRuleException refused) {
                return refused.messageKey();
            }
        });
        List<String> outcomes = inParallel(16, taps);

        assertThat(outcomes).containsOnlyOnce(RegistrationStatus.REGISTERED.name())
                .filteredOn(outcome -> !outcome.equals(RegistrationStatus.REGISTERED.name()))
                .hasSize(15).containsOnly("registration.already");
        assertThat(fixtures.count("SELECT taken FROM lecture WHERE id = ?", lectureId)).isEqualTo(1);
        assertThat(fixtures.count("SELECT COUNT(*) FROM registration WHERE lecture_id = ?", lectureId)).isEqualTo(1);
    }

    @Test
    void concurrent_cancellations_hand_every_freed_seat_to_the_earliest_in_line() throws Exception {
        List<String> phones = fixtures.trainees(120, VILLAGE, false);
        long lectureId = fixtures.openLecture(40, Map.of());
        List<String> holders = phones.subList(0, 40);
        List<String> waiting = phones.subList(40, 80);
        List<String> latecomers = phones.subList(80, 120);
        for (String phone : holders) {
            fixtures.as(phone, () -> registrations.register(lectureId));
        }
        for (String phone : waiting) {
            assertThat(fixtures.as(phone, () -> registrations.register(lectureId)).status())
                    .isEqualTo(RegistrationStatus.WAITLISTED);
        }

        // 20 holders cancel while 40 latecomers try to register, all at once.
        List<Callable<Object>> tasks = new ArrayList<>();
        for (String phone : holders.subList(0, 20)) {
            tasks.add(() -> fixtures.as(phone, () -> {
                registrations.cancel(lectureId);
                return null;
            }));
        }
        for (String phone : latecomers) {
            tasks.add(() -> fixtures.as(phone, () -> registrations.register(lectureId)));
        }
        Collections.shuffle(tasks);
        inParallel(16, tasks);

        assertThat(fixtures.count("SELECT taken FROM lecture WHERE id = ?", lectureId)).isEqualTo(40);
        assertThat(fixtures.count("SELECT COUNT(*) FROM registration WHERE lecture_id = ? AND status = 'REGISTERED'", lectureId))
                .isEqualTo(40);
        // The 20 freed seats went to the first 20 in line, not to latecomers.
        for (String phone : waiting.subList(0, 20)) {
            assertThat(fixtures.as(phone, () -> registrations.myRegistration(lectureId)).orElseThrow().status())
                    .as("early waiter %s", phone).isEqualTo(RegistrationStatus.REGISTERED);
        }
        for (String phone : waiting.subList(20, 40)) {
            assertThat(fixtures.as(phone, () -> registrations.myRegistration(lectureId)).orElseThrow().status())
                    .isEqualTo(RegistrationStatus.WAITLISTED);
        }
        for (String phone : latecomers) {
            assertThat(fixtures.as(phone, () -> registrations.myRegistration(lectureId)).orElseThrow().status())
                    .isEqualTo(RegistrationStatus.WAITLISTED);
        }
    }

    @Test
    void a_county_quota_is_never_exceeded_and_its_line_waits_for_its_own_seats() throws Exception {
        List<String> jiaojiang = fixtures.trainees(30, VILLAGE, false);
        long lectureId = fixtures.openLecture(50, Map.of("331002000000", 10));
        List<RegistrationOutcome> outcomes = inParallel(16, jiaojiang.stream()
                .map(phone -> (Callable<RegistrationOutcome>) () -> fixtures.as(phone, () -> registrations.register(lectureId)))
                .toList());
        assertThat(outcomes).filteredOn(o -> o.status() == RegistrationStatus.REGISTERED).hasSize(10);
        assertThat(fixtures.count("SELECT taken FROM lecture_quota WHERE lecture_id = ?", lectureId)).isEqualTo(10);
        assertThat(fixtures.count("SELECT taken FROM lecture WHERE id = ?", lectureId)).isEqualTo(10);
    }
}
