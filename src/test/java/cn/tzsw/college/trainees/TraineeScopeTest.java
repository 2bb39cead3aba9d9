package cn.tzsw.college.trainees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.security.SystemTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/** The region scope holds in the service layer, whatever a screen shows. */
class TraineeScopeTest extends IntegrationTest {

    static final String JIAOJIANG = "331002000000";
    static final String LINHAI = "331082000000";

    @Autowired
    TraineeService trainees;

    private long aTraineeOf(String countyCode) {
        return SystemTasks.runAsSystem(() -> trainees.search("", countyCode, PageRequest.of(0, 1))
                .getContent().getFirst().id());
    }

    @Test
    @WithUserDetails("jj-coord")
    void a_jiaojiang_coordinator_asking_for_a_linhai_trainee_gets_an_access_error() {
        long linhaiTrainee = aTraineeOf(LINHAI);
        assertThatThrownBy(() -> trainees.get(linhaiTrainee)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("jj-coord")
    void a_missing_trainee_looks_the_same_as_a_foreign_one() {
        assertThatThrownBy(() -> trainees.get(987_654_321L)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("jj-coord")
    void a_jiaojiang_coordinator_sees_own_trainees_only() {
        long jiaojiangTrainee = aTraineeOf(JIAOJIANG);
        assertThat(trainees.get(jiaojiangTrainee).regionCode()).startsWith("331002");
        var page = trainees.search("", null, PageRequest.of(0, 100));
        assertThat(page.getTotalElements()).isPositive();
        assertThat(page.getContent()).allSatisfy(t -> assertThat(t.regionCode()).startsWith("331002"));
    }

    @Test
    @WithUserDetails("jj-coord")
    void a_region_filter_outside_the_subtree_is_refused() {
        assertThatThrownBy(() -> trainees.search("", LINHAI, PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("hm-coord")
    void a_township_coordinator_sees_the_township_only() {
        var page = trainees.search("", null, PageRequest.of(0, 100));
        assertThat(page.getContent()).isNotEmpty()
                .allSatisfy(t -> assertThat(t.regionCode()).startsWith("331002001"));
    }

    @Test
    @WithUserDetails("tz-coord")
    void the_city_coordinator_sees_every_county() {
        assertThat(trainees.search("", JIAOJIANG, PageRequest.of(0, 10)).getContent()).isNotEmpty();
        assertThat(trainees.search("", LINHAI, PageRequest.of(0, 10)).getContent()).isNotEmpty()
                .allSatisfy(t -> assertThat(t.regionCode()).startsWith("331082"));
    }

    @Test
    @WithUserDetails("13800000001")
    void a_trainee_cannot_list_trainees() {
        assertThatThrownBy(() -> trainees.search("", null, PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(trainees.mine()).isPresent();
    }

    @Test
    void an_anonymous_caller_cannot_list_trainees() {
        assertThatThrownBy(() -> trainees.search("", null, PageRequest.of(0, 10)))
                .isInstanceOf(Exception.class);
    }

    @Test
    @WithUserDetails("jj-coord")
    void lists_show_masked_numbers_only() {
        var first = trainees.search("", null, PageRequest.of(0, 1)).getContent().getFirst();
        assertThat(first.maskedIdNumber()).matches("\\d{4}\\*{10}[\\dX]{4}");
        assertThat(first.maskedPhone()).matches("1\\d{2}\\*{4}\\d{4}");
    }
}
