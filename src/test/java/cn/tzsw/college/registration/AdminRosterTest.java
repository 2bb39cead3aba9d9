package cn.tzsw.college.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.shared.BusinessRuleException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/** Administrators change a roster by hand; seats and the line behave as they do for trainees. */
class AdminRosterTest extends IntegrationTest {

    static final String VILLAGE = "331002001003";

    @Autowired
    Fixtures fixtures;
    @Autowired
    RegistrationService registrations;

    private long traineeId(String phone) {
        return fixtures.count("SELECT id FROM trainee WHERE phone = ?", phone);
    }

    private List<RosterEntry> roster(long lectureId, RegistrationStatus status) {
        return fixtures.as("admin", () -> registrations.roster(lectureId, EnumSet.of(status), PageRequest.of(0, 50))
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
}
