package cn.tzsw.college.registration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Registration's read model {@code registered_trainee}, which other capabilities' SQL reads instead of its table. */
class RegisteredTraineeViewTest extends IntegrationTest {

    private static final String VILLAGE = "331002001003";

    @Autowired
    Fixtures fixtures;
    @Autowired
    RegistrationService registrations;
    @Autowired
    JdbcTemplate jdbc;

    private long traineeId(String phone) {
        return fixtures.count("SELECT id FROM trainee WHERE phone = ?", phone);
    }

    @Test
    void the_view_lists_a_lectures_seat_holders_and_neither_the_line_nor_cancellations() {
        List<String> phones = fixtures.trainees(3, VILLAGE, false);
        long lectureId = fixtures.openLecture(1, Map.of());
        phones.forEach(phone -> fixtures.as(phone, () -> registrations.register(lectureId)));
        fixtures.as(phones.get(0), () -> {
            registrations.cancel(lectureId);
            return null;
        });

        assertThat(jdbc.queryForList("SELECT trainee_id FROM registered_trainee WHERE lecture_id = ?", Long.class,
                lectureId)).containsExactly(traineeId(phones.get(1)));
    }
}
