package cn.tzsw.college.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.shared.BusinessRuleException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** Administrators change a roster by hand; seats and the line behave as they do for trainees. */
class AdminRosterTest extends IntegrationTest {

    static final String VILLAGE = "331002001003";

    @Autowired
    Fixtures fixtures;
    @Autowired
    RegistrationService registrations;
    @Autowired
    JdbcTemplate jdbc;

    private long traineeId(String phone) {
        return fixtures.count("SELECT id FROM trainee WHERE phone = ?", phone);
    }

    private List<RosterEntry> roster(long lectureId, RegistrationStatus status) {
        return fixtures.as("admin", () -> registrations.roster(lectureId, EnumSet.of(status), "", PageRequest.of(0, 50))
                .getContent());
    }

    private void remove(long registrationId) {
        fixtures.as("admin", () -> {
            registrations.removeByAdmin(registrationId);
            return null;
        });
    }

    @Test
    void an_admin_adds_a_trainee_to_a_full_lecture_and_removing_the_seat_holder_promotes_the_first_in_line() {
        List<String> phones = fixtures.trainees(3, VILLAGE, false);
        long lectureId = fixtures.openLecture(1, Map.of());
        long holder = traineeId(phones.get(0));
        long firstInLine = traineeId(phones.get(1));
        long addedByHand = traineeId(phones.get(2));
        fixtures.as(phones.get(0), () -> registrations.register(lectureId));
        fixtures.as(phones.get(1), () -> registrations.register(lectureId));

        RegistrationOutcome added = fixtures.as("admin", () -> registrations.addByAdmin(lectureId, addedByHand));

        assertThat(added.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(roster(lectureId, RegistrationStatus.WAITLISTED))
                .extracting(RosterEntry::traineeId, RosterEntry::byAdmin)
                .containsExactly(tuple(firstInLine, false),
                        tuple(addedByHand, true));

        long holderRegistration = roster(lectureId, RegistrationStatus.REGISTERED).getFirst().registrationId();
        remove(holderRegistration);

        assertThat(roster(lectureId, RegistrationStatus.REGISTERED)).extracting(RosterEntry::traineeId)
                .containsExactly(firstInLine);
        assertThat(roster(lectureId, RegistrationStatus.WAITLISTED)).extracting(RosterEntry::traineeId)
                .containsExactly(addedByHand);
        assertThat(roster(lectureId, RegistrationStatus.CANCELLED)).extracting(RosterEntry::traineeId)
                .containsExactly(holder);

        remove(added.registrationId());

        assertThat(roster(lectureId, RegistrationStatus.WAITLISTED)).isEmpty();
        assertThat(roster(lectureId, RegistrationStatus.CANCELLED)).extracting(RosterEntry::traineeId)
                .containsExactlyInAnyOrder(holder, addedByHand);
        assertThat(fixtures.count("SELECT taken FROM lecture WHERE id = ?", lectureId)).isEqualTo(1);
        assertThat(fixtures.as("admin", () -> registrations.fullRoster(lectureId))).hasSize(3);
    }

    @Test
    void a_trainee_added_by_hand_takes_a_free_seat_once_and_can_be_added_again_after_removal() {
        String phone = fixtures.trainees(1, VILLAGE, false).getFirst();
        long lectureId = fixtures.openLecture(5, Map.of());
        long trainee = traineeId(phone);

        RegistrationOutcome added = fixtures.as("admin", () -> registrations.addByAdmin(lectureId, trainee));
        assertThat(added.status()).isEqualTo(RegistrationStatus.REGISTERED);
        assertThatThrownBy(() -> fixtures.as("admin", () -> registrations.addByAdmin(lectureId, trainee)))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("registration.already"));

        remove(added.registrationId());
        assertThat(fixtures.count("SELECT taken FROM lecture WHERE id = ?", lectureId)).isZero();
        assertThat(fixtures.as("admin", () -> registrations.addByAdmin(lectureId, trainee)).status())
                .isEqualTo(RegistrationStatus.REGISTERED);
    }

    private List<Long> searched(long lectureId, String typed) {
        return fixtures.as("admin", () -> registrations.roster(lectureId, RegistrationStatus.ACTIVE, typed,
                PageRequest.of(0, 50)).map(RosterEntry::traineeId).getContent());
    }

    @Test
    void the_roster_is_searched_by_part_of_a_name_or_the_last_digits_of_a_mobile_or_id_number() {
        List<String> phones = fixtures.trainees(3, VILLAGE, false);
        long lectureId = fixtures.openLecture(2, Map.of());
        phones.forEach(phone -> fixtures.as(phone, () -> registrations.register(lectureId)));
        long first = traineeId(phones.get(0));
        long second = traineeId(phones.get(1));
        long third = traineeId(phones.get(2));
        String idNumber = jdbc.queryForObject("SELECT id_number FROM trainee WHERE id = ?", String.class,
                third);

        assertThat(searched(lectureId, " ")).containsExactly(first, second, third);
        assertThat(searched(lectureId, "学员" + phones.get(1).substring(7))).containsExactly(second);
        // Five digits: more than the name's four, so only the mobile number can match.
        assertThat(searched(lectureId, phones.get(0).substring(6))).containsExactly(first);
        assertThat(searched(lectureId, idNumber.substring(14).toLowerCase(Locale.ROOT))).containsExactly(third);
        assertThat(searched(lectureId, "%")).isEmpty();
        assertThat(fixtures.as("admin", () -> registrations.roster(lectureId, EnumSet.of(RegistrationStatus.WAITLISTED),
                phones.get(2).substring(6), PageRequest.of(0, 50)).getTotalElements())).isEqualTo(1);
    }

    @Test
    void cancelling_chosen_registrations_at_once_gives_the_freed_seats_to_the_first_in_line_who_stay() {
        List<String> phones = fixtures.trainees(5, VILLAGE, false);
        long lectureId = fixtures.openLecture(2, Map.of());
        phones.forEach(phone -> fixtures.as(phone, () -> registrations.register(lectureId)));
        List<RosterEntry> seated = roster(lectureId, RegistrationStatus.REGISTERED);
        List<RosterEntry> line = roster(lectureId, RegistrationStatus.WAITLISTED);
        assertThat(line).hasSize(3);

        // Both seat holders and the first in line go: the seats pass over the first in line to the next two.
        int removed = fixtures.as("admin", () -> registrations.removeAllByAdmin(lectureId, List.of(
                seated.get(0).registrationId(), seated.get(1).registrationId(), line.get(0).registrationId())));

        assertThat(removed).isEqualTo(3);
        assertThat(roster(lectureId, RegistrationStatus.REGISTERED)).extracting(RosterEntry::traineeId)
                .containsExactly(line.get(1).traineeId(), line.get(2).traineeId());
        assertThat(roster(lectureId, RegistrationStatus.WAITLISTED)).isEmpty();
        assertThat(roster(lectureId, RegistrationStatus.CANCELLED)).hasSize(3);
        assertThat(fixtures.count("SELECT taken FROM lecture WHERE id = ?", lectureId)).isEqualTo(2);
        assertThat(fixtures.as("admin", () -> registrations.removeAllByAdmin(lectureId,
                List.of(seated.get(0).registrationId())))).as("already cancelled: passed over").isZero();
    }

    @Test
    void a_bulk_action_refuses_a_registration_of_another_lecture_and_changes_nothing() {
        List<String> phones = fixtures.trainees(2, VILLAGE, false);
        long lectureId = fixtures.openLecture(5, Map.of());
        long otherLecture = fixtures.openLecture(5, Map.of());
        fixtures.as(phones.get(0), () -> registrations.register(lectureId));
        fixtures.as(phones.get(1), () -> registrations.register(otherLecture));
        long mine = roster(lectureId, RegistrationStatus.REGISTERED).getFirst().registrationId();
        long foreign = roster(otherLecture, RegistrationStatus.REGISTERED).getFirst().registrationId();

        assertThatThrownBy(() -> fixtures.as("admin", () -> registrations.removeAllByAdmin(lectureId,
                List.of(mine, foreign)))).isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> fixtures.as("admin", () -> registrations.rosterEntries(lectureId,
                List.of(foreign)))).isInstanceOf(BusinessRuleException.class);
        assertThat(roster(lectureId, RegistrationStatus.REGISTERED)).hasSize(1);
        assertThat(roster(otherLecture, RegistrationStatus.REGISTERED)).hasSize(1);
        assertThatThrownBy(() -> fixtures.as("jj-coord", () -> registrations.removeAllByAdmin(lectureId,
                List.of(mine)))).isInstanceOf(AccessDeniedException.class);
    }
}
