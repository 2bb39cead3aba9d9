package cn.tzsw.college.trainees;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Trainees' read model {@code trainee_listing}, which other capabilities' SQL reads instead of the table. */
class TraineeListingViewTest extends IntegrationTest {

    private static final String VILLAGE = "331002001003";

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_view_shows_a_trainees_name_mobile_number_and_region_and_nothing_more() {
        String phone = fixtures.trainees(1, VILLAGE, false).getFirst();
        long id = fixtures.count("SELECT id FROM trainee WHERE phone = ?", phone);

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM trainee_listing WHERE id = ?", id);

        assertThat(row).containsOnlyKeys("id", "name", "phone", "region_code")
                .containsEntry("name", "学员" + phone.substring(7)).containsEntry("phone", phone)
                .containsEntry("region_code", VILLAGE);
    }
}
