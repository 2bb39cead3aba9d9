package cn.tzsw.college.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.registration.RegistrationService;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
    @Autowired
    TransactionTemplate transactions;

    @Test
    void the_standing_reads_every_quota_county_without_a_temporary_table() {
        String phone = fixtures.trainees(1, VILLAGE, false).getFirst();
        long traineeId = traineeId(phone);
        long lectureId = fixtures.openLecture(10, Map.of("331002000000", 3, "331003000000", 2));

        transactions.executeWithoutResult(tx -> {
            long before = tmpTables(); // the session's counter: one connection throughout the transaction
            RegistrationRows.Standing standing = registrations.standingOfTrainee(traineeId, lectureId).orElseThrow();
            assertThat(tmpTables() - before).as("temporary tables").isZero();
            assertThat(standing.lecture().quotaCounties()).isEqualTo(Set.of("331002000000", "331003000000"));
            assertThat(standing.traineeId()).isEqualTo(traineeId);
        });
    }

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

    /**
     * Before each execution MariaDB estimates the rows of every range it could read: the overlap check's
     * {@code o.lecture_id <> l.id} (carried over from the lecture it joins) made two ranges over all registrations on
     * the lecture-first indexes, estimated by reading index pages on every registration; only the trainee's index
     * is worth weighing.
     */
    @Test
    void the_overlap_check_weighs_the_trainees_index_alone() {
        String phone = fixtures.trainees(1, VILLAGE, false).getFirst();
        long lectureId = fixtures.openLecture(10, Map.of());

        List<String> weighed = transactions.execute(tx -> {
            jdbc.sql("SET SESSION optimizer_trace = 'enabled=on'").update();
            try {
                jdbc.sql(RegistrationRowsImpl.STANDING_OF_TRAINEE).param("key", traineeId(phone))
                        .param("lecture", lectureId).query().listOfRows();
                String trace = jdbc.sql("SELECT trace FROM information_schema.optimizer_trace").query(String.class)
                        .single();
                return rangesWeighed(JsonMapper.builder().build().readTree(trace), "o");
            } finally {
                jdbc.sql("SET SESSION optimizer_trace = 'enabled=off'").update();
            }
        });
        assertThat(weighed).containsOnly("ix_registration_trainee_lecture");
    }

    /** The indexes whose ranges the optimizer estimated for the table named {@code alias}. */
    private static List<String> rangesWeighed(JsonNode node, String alias) {
        List<String> indexes = new ArrayList<>();
        if (node.isObject() && alias.equals(node.path("table").asString(null)) && node.has("range_analysis")) {
            node.path("range_analysis").path("analyzing_range_alternatives").path("range_scan_alternatives")
                    .forEach(range -> indexes.add(range.path("index").asString()));
        }
        node.forEach(child -> indexes.addAll(rangesWeighed(child, alias)));
        return indexes;
    }

    private long tmpTables() {
        return jdbc.sql("SHOW SESSION STATUS LIKE 'Created_tmp_tables'").query((rs, n) -> rs.getLong(2)).single();
    }

    private long traineeId(String phone) {
        return jdbc.sql("SELECT id FROM trainee WHERE phone = ?").param(phone).query(Long.class).single();
    }
}
