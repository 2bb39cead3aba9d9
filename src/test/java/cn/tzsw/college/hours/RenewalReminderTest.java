package cn.tzsw.college.hours;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The re-registration window lists who runs out of time with hours missing; one action mails them all. */
class RenewalReminderTest extends IntegrationTest {

    @Autowired
    RenewalService renewals;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    java.time.Clock clock;

    private long trainee(String phone, String level, LocalDate periodStart) {
        jdbc.update("UPDATE trainee SET certificate_level = ?, period_start = ? WHERE phone = ?", level, periodStart, phone);
        return jdbc.queryForObject("SELECT id FROM trainee WHERE phone = ?", Long.class, phone);
    }

    @Test
    void a_trainee_whose_period_ends_within_ninety_days_with_a_shortfall_is_listed_and_mailed() throws Exception {
        var phones = fixtures.trainees(3, "331002001005", true);
        LocalDate today = LocalDate.now(clock); // the day in the college time zone, as the service sees it
        long endingSoon = trainee(phones.get(0), "ASSISTANT", today.minusYears(3).plusDays(30)); // ends in 30 days
        long endingLater = trainee(phones.get(1), "ASSISTANT", today.minusYears(3).plusDays(200));
        long metAlready = trainee(phones.get(2), "ASSISTANT", today.minusYears(3).plusDays(30));
        jdbc.update("INSERT INTO hours_entry (trainee_id, title, source, hours, earned_on, recorded_at)"
                + " VALUES (?, 'x', 'EXTERNAL_TRAINING', 72.0, ?, NOW())", metAlready, today.minusDays(5));
        jdbc.update("INSERT INTO hours_entry (trainee_id, title, source, hours, earned_on, recorded_at)"
                + " VALUES (?, 'x', 'EXTERNAL_TRAINING', 20.0, ?, NOW())", endingSoon, today.minusDays(5));

        var window = fixtures.as("hm-coord", () -> renewals.window(null, PageRequest.of(0, 500)));

        assertThat(window.getContent()).extracting(RenewalCandidate::traineeId).contains(endingSoon)
                .doesNotContain(endingLater, metAlready);
        RenewalCandidate candidate = window.getContent().stream().filter(c -> c.traineeId() == endingSoon).findFirst()
                .orElseThrow();
        assertThat(candidate.shortfall()).isEqualByComparingTo("52");
        assertThat(candidate.daysLeft()).isEqualTo(30);
        assertThat(candidate.periodEnd()).isEqualTo(today.plusDays(29));

        int sent = fixtures.as("hm-coord", () -> renewals.sendReminders("331002001005"));

        assertThat(sent).isPositive();
        MimeMessage mail = MAIL.await(phones.get(0) + "@example.cn",
                m -> subject(m).startsWith("再注册提醒"), Duration.ofSeconds(20));
        assertThat((String) mail.getContent()).contains("52");

        // A second click within the interval mails nobody again; the list shows when each was reminded.
        assertThat(fixtures.as("hm-coord", () -> renewals.sendReminders("331002001005"))).isZero();
        assertThat(fixtures.as("hm-coord", () -> renewals.window("331002001005", PageRequest.of(0, 500))).getContent())
                .filteredOn(c -> c.traineeId() == endingSoon).singleElement()
                .satisfies(c -> assertThat(c.lastReminded()).isNotNull());
        // Once the interval has passed, the trainee is reminded again.
        jdbc.update("UPDATE renewal_reminder SET reminded_at = reminded_at - INTERVAL 8 DAY WHERE trainee_id = ?", endingSoon);
        assertThat(fixtures.as("hm-coord", () -> renewals.sendReminders("331002001005"))).isEqualTo(1);
    }

    @Test
    void a_township_coordinator_does_not_see_another_townships_trainees_in_the_window() {
        var phones = fixtures.trainees(1, "331002002001", true); // 白云街道, not 海门街道
        long outside = trainee(phones.getFirst(), "ASSISTANT", LocalDate.now(clock).minusYears(3).plusDays(10));
        var window = fixtures.as("hm-coord", () -> renewals.window(null, PageRequest.of(0, 500)));
        assertThat(window.getContent()).extracting(RenewalCandidate::traineeId).doesNotContain(outside);
        assertThat(fixtures.as("jj-coord", () -> renewals.window(null, PageRequest.of(0, 500))).getContent())
                .extracting(RenewalCandidate::traineeId).contains(outside);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
