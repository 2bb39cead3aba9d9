package cn.tzsw.college.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.audit.AuditTrail;
import cn.tzsw.college.hours.ComplianceStatus;
import cn.tzsw.college.hours.ExternalHoursService;
import cn.tzsw.college.hours.HoursLedger;
import cn.tzsw.college.hours.RenewalService;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.security.SystemTasks;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.CertificateLevel;
import cn.tzsw.college.trainees.TraineeEdit;
import cn.tzsw.college.trainees.TraineeService;
import java.time.LocalDate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Every way into a trainee's data checks the caller's subtree in the service layer; a foreign record is refused
 * exactly like a missing one (same exception, same message), so a refusal tells nothing about existence.
 */
class TrackingScopeTest extends IntegrationTest {

    static final String LINHAI = "331082000000";
    static final String JIAOJIANG = "331002000000";
    static final long MISSING = 987_654_321L;

    @Autowired
    TraineeDirectory directory;
    @Autowired
    TraineeService trainees;
    @Autowired
    RegistrationService registrations;
    @Autowired
    HoursLedger ledger;
    @Autowired
    ExternalHoursService externalHours;
    @Autowired
    RenewalService renewals;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcTemplate jdbc;

    private long aTraineeOf(String countyCode) {
        return SystemTasks.runAsSystem(() -> directory.search(new DirectoryFilter(null, countyCode, null, null, null),
                PageRequest.of(0, 1)).getContent().getFirst().id());
    }

    private void refusedAlikeForForeignAndMissing(java.util.function.LongFunction<ThrowingCallable> call) {
        long foreign = aTraineeOf(LINHAI);
        Throwable forForeign = org.assertj.core.api.Assertions.catchThrowable(call.apply(foreign));
        Throwable forMissing = org.assertj.core.api.Assertions.catchThrowable(call.apply(MISSING));
        assertThat(forForeign).isInstanceOf(AccessDeniedException.class);
        assertThat(forMissing).isInstanceOf(AccessDeniedException.class);
        assertThat(forForeign.getMessage()).isEqualTo(forMissing.getMessage());
    }

    @Test
    @WithUserDetails("jj-coord")
    void another_countys_code_as_directory_filter_is_refused() {
        assertThatThrownBy(() -> directory.search(new DirectoryFilter(null, LINHAI, null, null, null), PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> directory.search(new DirectoryFilter(null, "331082001001", null, null, null),
                PageRequest.of(0, 10))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("jj-coord")
    void the_directory_shows_the_coordinators_subtree_only_whatever_the_filters() {
        for (ComplianceStatus status : ComplianceStatus.values()) {
            assertThat(directory.search(new DirectoryFilter("", null, null, null, status), PageRequest.of(0, 200))
                    .getContent()).allSatisfy(t -> assertThat(t.regionCode()).startsWith("331002"));
        }
        String linhaiPhone = jdbc.queryForObject("SELECT phone FROM trainee WHERE region_code LIKE '331082%' LIMIT 1",
                String.class);
        assertThat(directory.search(new DirectoryFilter(linhaiPhone, null, null, null, null), PageRequest.of(0, 10))
                .getTotalElements()).isZero();
    }

    @Test
    @WithUserDetails("jj-coord")
    void detail_edit_and_reveal_of_a_foreign_trainee_look_like_a_missing_one() {
        refusedAlikeForForeignAndMissing(id -> () -> trainees.get(id));
        refusedAlikeForForeignAndMissing(id -> () -> trainees.editData(id));
        refusedAlikeForForeignAndMissing(id -> () -> trainees.revealIdNumber(id));
        refusedAlikeForForeignAndMissing(id -> () -> trainees.revealPhone(id));
        refusedAlikeForForeignAndMissing(id -> () -> trainees.update(id, editOf(JIAOJIANG_VILLAGE)));
        refusedAlikeForForeignAndMissing(id -> () -> registrations.ofTrainee(id));
        refusedAlikeForForeignAndMissing(id -> () -> ledger.progressOf(id));
        refusedAlikeForForeignAndMissing(id -> () -> ledger.entries(id, LocalDate.of(2000, 1, 1), LocalDate.now()));
    }

    static final String JIAOJIANG_VILLAGE = "331002001003";

    private static TraineeEdit editOf(String region) {
        TraineeEdit edit = new TraineeEdit();
        edit.setName("改名");
        edit.setWorkUnit("社工站");
        edit.setRegionCode(region);
        edit.setCertificateLevel(CertificateLevel.NONE);
        return edit;
    }

    @Test
    @WithUserDetails("jj-coord")
    void evidence_of_a_foreign_trainees_hours_is_refused_like_a_missing_entry() {
        long foreign = aTraineeOf(LINHAI);
        jdbc.update("INSERT INTO hours_entry (trainee_id, title, source, hours, earned_on, recorded_at)"
                + " VALUES (?, 'x', 'EXTERNAL_TRAINING', 2.0, CURDATE(), NOW())", foreign);
        long foreignEntry = jdbc.queryForObject("SELECT MAX(id) FROM hours_entry WHERE trainee_id = ?", Long.class, foreign);
        Throwable forForeign = org.assertj.core.api.Assertions.catchThrowable(() -> externalHours.evidence(foreignEntry));
        Throwable forMissing = org.assertj.core.api.Assertions.catchThrowable(() -> externalHours.evidence(MISSING));
        assertThat(forForeign).isInstanceOf(AccessDeniedException.class);
        assertThat(forMissing).isInstanceOf(AccessDeniedException.class).hasMessage(forForeign.getMessage());
    }

    @Test
    @WithUserDetails("jj-coord")
    void the_renewal_window_of_another_county_is_refused() {
        assertThatThrownBy(() -> renewals.window(LINHAI, PageRequest.of(0, 10))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> renewals.sendReminders(LINHAI)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("jj-coord")
    void a_coordinator_cannot_move_a_trainee_out_of_the_subtree() {
        long own = aTraineeOf(JIAOJIANG);
        assertThatThrownBy(() -> trainees.update(own, editOf("331082001001")))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("trainee.region.outsideScope");
    }

    @Test
    @WithUserDetails("jj-coord")
    void a_coordinator_edits_a_trainee_inside_the_subtree() {
        long own = aTraineeOf(JIAOJIANG);
        TraineeEdit edit = trainees.editData(own);
        edit.setWorkUnit("白云街道社工站");
        edit.setRegionCode("331002002001");
        trainees.update(own, edit);
        assertThat(trainees.get(own).workUnit()).isEqualTo("白云街道社工站");
        assertThat(trainees.get(own).regionCode()).isEqualTo("331002002001");
    }

    @Test
    @WithUserDetails("jj-coord")
    void coordinators_cannot_record_external_hours() {
        long own = aTraineeOf(JIAOJIANG);
        assertThatThrownBy(() -> externalHours.record(own, new cn.tzsw.college.hours.ExternalHoursData(), "a.pdf",
                "%PDF".getBytes())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("admin")
    void every_view_of_a_full_id_number_or_phone_is_in_the_audit_trail() {
        long trainee = aTraineeOf(JIAOJIANG);
        String id = trainees.revealIdNumber(trainee);
        String phone = trainees.revealPhone(trainee);
        assertThat(id).hasSize(18).doesNotContain("*");
        assertThat(phone).hasSize(11).doesNotContain("*");
        assertThat(audit.of("trainee", trainee)).extracting(e -> e.action() + ":" + e.actor())
                .contains("REVEAL_ID_NUMBER:admin", "REVEAL_PHONE:admin");
    }

    @Test
    @WithUserDetails("admin")
    void the_directory_filters_by_level_work_unit_and_any_region_tier() {
        var assistants = directory.search(new DirectoryFilter(null, null, null, CertificateLevel.ASSISTANT, null),
                PageRequest.of(0, 50));
        assertThat(assistants.getContent()).allSatisfy(t -> assertThat(t.level()).isEqualTo(CertificateLevel.ASSISTANT));
        var township = directory.search(new DirectoryFilter(null, "331002001000", null, null, null), PageRequest.of(0, 50));
        assertThat(township.getContent()).isNotEmpty().allSatisfy(t -> assertThat(t.regionCode()).startsWith("331002001"));
        String unit = township.getContent().getFirst().workUnit();
        assertThat(directory.search(new DirectoryFilter(null, null, unit, null, null), PageRequest.of(0, 50)).getContent())
                .isNotEmpty().allSatisfy(t -> assertThat(t.workUnit()).contains(unit));
        var masked = township.getContent().getFirst();
        assertThat(masked.maskedIdNumber()).contains("*");
        assertThat(masked.maskedPhone()).contains("*");
    }
}
