package cn.tzsw.college.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Certificates' events as the publication registry stores and reads them (JSON). */
class CertificateEventsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void an_issue_stored_before_the_after_the_fact_flag_existed_still_tells_its_holder() {
        CertificateEvents.Issued stored = json.readValue("""
                {"certificateId":7,"traineeId":3,"serial":"TZSW-2026-000007","kind":"COMPLETION","title":"社工伦理"}""",
                CertificateEvents.Issued.class);

        assertThat(stored.tellHolder()).isTrue();
    }

    @Test
    void an_issue_after_the_fact_reads_back_as_not_to_be_told() {
        CertificateEvents.Issued issued = new CertificateEvents.Issued(7, 3, "TZSW-2026-000007",
                CertificateKind.COMPLETION, "社工伦理", true);

        CertificateEvents.Issued stored = json.readValue(json.writeValueAsString(issued), CertificateEvents.Issued.class);

        assertThat(stored).isEqualTo(issued);
        assertThat(stored.tellHolder()).isFalse();
    }
}
