package cn.tzsw.college.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.registration.RegistrationService;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registration path's one query (RegistrationBenchmark, docs/performance.md): what it costs MariaDB beyond the
 * rows it returns, on every registration.
 */
class StandingQueryTest extends IntegrationTest {

    static final String VILLAGE = "331002001003";

    @Autowired
    Fixtures fixtures;
    @Autowired
    RegistrationRepository registrations;
    @Autowired
    RegistrationService service;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_overlap_is_found_in_the_registration_index_alone() {
        String phone = fixtures.trainees(1, VILLAGE, false).getFirst();
        LocalDateTime start = LocalDateTime.now().plusDays(90).withHour(9).withMinute(0).withSecond(0).withNano(0);
        long first = fixtures.openLecture(10, Map.of(), start);
        long second = fixtures.openLecture(10, Map.of(), start.plusHours(1));
        fixtures.as(phone, () -> service.register(first));

        List<String> plan = jdbc.sql("EXPLAIN " + RegistrationRowsImpl.STANDING_OF_TRAINEE)
                .param("key", traineeId(phone)).param("lecture", second)
                .query((rs, n) -> rs.getString("table") + ": " + rs.getString("Extra")).list();
        assertThat(plan).as("the trainee's registrations, index only").anyMatch(row -> row.startsWith("o: ")
                && List.of(row.substring(3).split("; ")).contains("Using index"));
        assertThat(registrations.standingOfTrainee(traineeId(phone), second).orElseThrow().overlappingLectureId())
                .isEqualTo(first);
    }

    private long traineeId(String phone) {
        return jdbc.sql("SELECT id FROM trainee WHERE phone = ?").param(phone).query(Long.class).single();
    }
}
