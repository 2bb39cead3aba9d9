package cn.tzsw.college.trainees;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Trainees' read model for registration (trainee_ref_v): who a trainee is by account and where, merged by MariaDB;
 * the registration path reads the same through the text trainees publishes for it ({@link TraineeRefSql}).
 */
class TraineeReadModelsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fixtures fixtures;

    @Test
    void trainee_ref_v_shows_the_trainee_of_an_account_and_their_region() {
        String phone = fixtures.trainees(1, "331002001003", false).getFirst();
        long accountId = jdbc.sql("SELECT id FROM user_account WHERE username = ?").param(phone).query(Long.class)
                .single();

        List<String> refs = jdbc.sql("SELECT id, region_code FROM trainee_ref_v WHERE account_id = ?")
                .param(accountId).query((rs, n) -> rs.getLong(1) + "/" + rs.getString(2)).list();

        assertThat(refs).containsExactly(jdbc.sql("SELECT id FROM trainee WHERE phone = ?").param(phone)
                .query(Long.class).single() + "/331002001003");
    }

    @Test
    void trainee_ref_v_is_merged_into_the_readers_query() {
        assertThat(jdbc.sql("SHOW CREATE VIEW trainee_ref_v").query((rs, n) -> rs.getString(2)).single())
                .contains("ALGORITHM=MERGE");
        long accountId = jdbc.sql("SELECT account_id FROM trainee_ref_v LIMIT 1").query(Long.class).single();
        assertThat(jdbc.sql("EXPLAIN SELECT id FROM trainee_ref_v WHERE account_id = ?").param(accountId)
                .query((rs, n) -> rs.getString("table") + ":" + rs.getString("type")).list())
                .as("the trainee table itself, by its unique account key").containsExactly("trainee:const");
    }

    @Test
    void the_registration_paths_text_reads_what_trainee_ref_v_reads() {
        fixtures.trainees(3, "331002001003", false);
        String columns = "SELECT t.id, t.account_id, t.region_code FROM %s t ORDER BY t.id";

        assertThat(jdbc.sql(columns.formatted(TraineeRefSql.TABLE)).query().listOfRows())
                .isNotEmpty().isEqualTo(jdbc.sql(columns.formatted("trainee_ref_v")).query().listOfRows());
    }
}
