package cn.tzsw.college.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.shared.BusinessRuleException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;

/** Hours earned outside the platform: recorded with evidence, counted like any other hours, a degree once. */
class ExternalHoursTest extends IntegrationTest {

    static final byte[] PDF = "%PDF-1.4\n%test evidence\n".getBytes();

    @Autowired
    ExternalHoursService externalHours;
    @Autowired
    HoursLedger ledger;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    private long certifiedTrainee() {
        String phone = fixtures.trainees(1, "331002001003", false).getFirst();
        jdbc.update("UPDATE trainee SET certificate_level = 'INTERMEDIATE', period_start = ? WHERE phone = ?",
                LocalDate.now().minusYears(1), phone);
        return jdbc.queryForObject("SELECT id FROM trainee WHERE phone = ?", Long.class, phone);
    }

    private static ExternalHoursData data(HoursSource source, String hours) {
        ExternalHoursData data = new ExternalHoursData();
        data.setSource(source);
        data.setTitle(source == HoursSource.DEGREE ? "社会工作专业本科" : "省社工协会督导培训");
        data.setHours(hours == null ? null : new BigDecimal(hours));
        data.setEarnedOn(LocalDate.now().minusDays(10));
        return data;
    }

    @Test
    void external_training_counts_its_actual_hours_in_the_period() {
        long trainee = certifiedTrainee();
        fixtures.as("admin", () -> externalHours.record(trainee, data(HoursSource.EXTERNAL_TRAINING, "12.5"), "证书.pdf", PDF));

        Progress progress = fixtures.as("admin", () -> ledger.progressOf(trainee));
        assertThat(progress.earned()).isEqualByComparingTo("12.5");
        assertThat(progress.required()).isEqualByComparingTo("90");
        assertThat(progress.entries()).singleElement().satisfies(e -> assertThat(e.source()).isEqualTo(HoursSource.EXTERNAL_TRAINING));
        long entry = progress.entries().getFirst().id();
        Evidence evidence = fixtures.as("admin", () -> externalHours.evidence(entry)).orElseThrow();
        assertThat(evidence.fileName()).isEqualTo("证书.pdf");
        assertThat(evidence.content()).isEqualTo(PDF);
        assertThat(evidence.contentType()).isEqualTo("application/pdf");
    }

    @Test
    void a_degree_counts_ninety_hours_once_even_when_recorded_twice_at_the_same_moment() throws Exception {
        long trainee = certifiedTrainee();
        Authentication admin = fixtures.signedIn("admin");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Object>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                attempts.add(() -> fixtures.as(admin, () -> {
                    try {
                        return externalHours.record(trainee, data(HoursSource.DEGREE, null), "毕业证.pdf", PDF);
                    } catch (BusinessRuleException e) {
                        return e.messageKey();
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> outcome : pool.invokeAll(attempts)) {
                outcomes.add(outcome.get());
            }
            assertThat(outcomes).filteredOn(o -> o instanceof Long).hasSize(1);
            assertThat(outcomes).filteredOn("hours.degree.once"::equals).hasSize(3);
        } finally {
            pool.shutdownNow();
        }
        Progress progress = fixtures.as("admin", () -> ledger.progressOf(trainee));
        assertThat(progress.earned()).isEqualByComparingTo("90");
        assertThat(progress.status(LocalDate.now())).isEqualTo(ComplianceStatus.MET);
    }

    @Test
    void evidence_must_be_a_pdf_or_an_image_and_is_required() {
        long trainee = certifiedTrainee();
        assertThatThrownBy(() -> fixtures.as("admin", () -> externalHours.record(trainee,
                data(HoursSource.EXTERNAL_TRAINING, "2"), "x.pdf", "MZ not a pdf".getBytes())))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("hours.evidence.type");
        assertThatThrownBy(() -> fixtures.as("admin", () -> externalHours.record(trainee,
                data(HoursSource.EXTERNAL_TRAINING, "2"), null, null)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("hours.evidence.required");
        assertThat(fixtures.count("SELECT COUNT(*) FROM hours_entry WHERE trainee_id = ?", trainee)).isZero();
    }
}
