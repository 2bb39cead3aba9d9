package cn.tzsw.college.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.hours.ComplianceStatus;
import cn.tzsw.college.hours.HoursLedger;
import cn.tzsw.college.hours.HoursSource;
import cn.tzsw.college.regions.Region;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.security.SystemTasks;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report's figures against the ledger and the hours module's own definition of compliance. Each test works in
 * a township of 天台县/三门县 of its own (no demo trainees there), so the tests do not see each other's data.
 */
class ReportFiguresTest extends IntegrationTest {

    static final String TIANTAI = "331023000000";
    static final String SANMEN = "331022000000";

    @Autowired
    ProgressReports reports;
    @Autowired
    StandingRollup standing;
    @Autowired
    HoursLedger ledger;
    @Autowired
    Fixtures fixtures;
    @Autowired
    RegionService regions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private ReportPeriod thisYear() {
        return ReportPeriod.year(today().getYear());
    }

    private Region township(String county, int index) {
        return regions.children(county).get(index);
    }

    private long idOf(String phone) {
        return jdbc.queryForObject("SELECT id FROM trainee WHERE phone = ?", Long.class, phone);
    }

    private void certify(String phone, String level, LocalDate periodStart) {
        jdbc.update("UPDATE trainee SET certificate_level = ?, period_start = ? WHERE phone = ?", level, periodStart, phone);
    }

    private void book(long traineeId, long lectureId, LocalDate on) {
        SystemTasks.runAsSystem(() -> ledger.bookLecture(traineeId, lectureId, HoursSource.IN_PERSON, on));
    }

    private UnitFigures row(String parent, String unit, ReportPeriod period) {
        return fixtures.as("admin", () -> reports.report(parent, period)).rows().stream()
                .filter(r -> r.code().equals(unit) && !r.direct()).findFirst().orElseThrow();
    }

    @Test
    void figures_follow_the_ledger_right_after_hours_are_booked() {
        Region township = township(TIANTAI, 0);
        List<Region> villages = regions.children(township.code());
        Region village = villages.getFirst();
        List<String> phones = fixtures.trainees(3, village.code(), false);
        long lecture = fixtures.openLecture(10, Map.of());
        long other = fixtures.openLecture(10, Map.of());

        UnitFigures before = row(TIANTAI, township.code(), thisYear());
        assertThat(before.trainees()).isGreaterThanOrEqualTo(3);

        book(idOf(phones.get(0)), lecture, today());
        UnitFigures once = row(TIANTAI, township.code(), thisYear());
        assertThat(once.activeTrainees()).isEqualTo(before.activeTrainees() + 1);
        assertThat(once.lectures()).isEqualTo(before.lectures() + 1);
        assertThat(once.hours()).isEqualByComparingTo(before.hours().add(new BigDecimal("2.0")));

        book(idOf(phones.get(0)), other, today());
        book(idOf(phones.get(1)), lecture, today());
        UnitFigures thrice = row(TIANTAI, township.code(), thisYear());
        assertThat(thrice.activeTrainees()).isEqualTo(before.activeTrainees() + 2);
        assertThat(thrice.lectures()).isEqualTo(before.lectures() + 3);
        assertThat(thrice.hours()).isEqualByComparingTo(before.hours().add(new BigDecimal("6.0")));
        assertThat(thrice.villages()).isEqualTo(villages.size());
        assertThat(thrice.coveredVillages()).isGreaterThanOrEqualTo(1);

        // The village tier says the same about the village and lists the trainees with masked ID numbers.
        UnitFigures villageRow = row(township.code(), village.code(), thisYear());
        assertThat(villageRow.coverage()).isEqualTo(1.0);
        List<TraineeFigures> listed = fixtures.as("admin", () -> reports.trainees(village.code(), thisYear(), 0, 100));
        assertThat(listed).extracting(TraineeFigures::id).contains(idOf(phones.get(0)), idOf(phones.get(2)));
        assertThat(listed).allSatisfy(t -> assertThat(t.maskedIdNumber()).contains("*"));
        TraineeFigures first = listed.stream().filter(t -> t.id() == idOf(phones.get(0))).findFirst().orElseThrow();
        assertThat(first.lectures()).isEqualTo(2);
        assertThat(first.hours()).isEqualByComparingTo("4.0");
    }

    @Test
    void hours_written_outside_the_booking_path_count_too_and_a_correction_takes_them_back() {
        Region township = township(TIANTAI, 1);
        Region village = regions.children(township.code()).getFirst();
        long trainee = idOf(fixtures.trainees(1, village.code(), false).getFirst());
        UnitFigures before = row(TIANTAI, township.code(), thisYear());

        // An outside-training entry (no lecture): hours, but no lecture and no activity.
        jdbc.update("INSERT INTO hours_entry (trainee_id, title, source, hours, earned_on, recorded_at)"
                + " VALUES (?, '外部培训', 'EXTERNAL_TRAINING', 6.5, ?, NOW())", trainee, today());
        UnitFigures after = row(TIANTAI, township.code(), thisYear());
        assertThat(after.hours()).isEqualByComparingTo(before.hours().add(new BigDecimal("6.5")));
        assertThat(after.lectures()).isEqualTo(before.lectures());
        assertThat(after.activeTrainees()).isEqualTo(before.activeTrainees());

        jdbc.update("DELETE FROM hours_entry WHERE trainee_id = ?", trainee);
        assertThat(row(TIANTAI, township.code(), thisYear()).hours()).isEqualByComparingTo(before.hours());
    }

    @Test
    void a_trainee_who_moves_counts_where_they_live_now() {
        Region from = township(TIANTAI, 3);
        Region to = township(TIANTAI, 4);
        long trainee = idOf(fixtures.trainees(1, regions.children(from.code()).getFirst().code(), false).getFirst());
        book(trainee, fixtures.openLecture(10, Map.of()), today());
        UnitFigures fromBefore = row(TIANTAI, from.code(), thisYear());
        UnitFigures toBefore = row(TIANTAI, to.code(), thisYear());

        jdbc.update("UPDATE trainee SET region_code = ? WHERE id = ?", regions.children(to.code()).getFirst().code(), trainee);

        UnitFigures fromAfter = row(TIANTAI, from.code(), thisYear());
        UnitFigures toAfter = row(TIANTAI, to.code(), thisYear());
        assertThat(fromAfter.trainees()).isEqualTo(fromBefore.trainees() - 1);
        assertThat(fromAfter.activeTrainees()).isEqualTo(fromBefore.activeTrainees() - 1);
        assertThat(fromAfter.hours()).isEqualByComparingTo(fromBefore.hours().subtract(new BigDecimal("2.0")));
        assertThat(toAfter.trainees()).isEqualTo(toBefore.trainees() + 1);
        assertThat(toAfter.activeTrainees()).isEqualTo(toBefore.activeTrainees() + 1);
        assertThat(toAfter.hours()).isEqualByComparingTo(toBefore.hours().add(new BigDecimal("2.0")));
    }

    @Test
    void a_date_range_counts_only_the_days_inside_it() {
        Region township = township(TIANTAI, 2);
        Region village = regions.children(township.code()).getFirst();
        long trainee = idOf(fixtures.trainees(1, village.code(), false).getFirst());
        long early = fixtures.openLecture(10, Map.of());
        long late = fixtures.openLecture(10, Map.of());
        LocalDate year = today().withDayOfYear(1);
        book(trainee, early, year.plusDays(10));
        book(trainee, late, year.plusDays(40));

        ReportPeriod january = new ReportPeriod(year, year.plusDays(30));
        UnitFigures inJanuary = row(township.code(), village.code(), january);
        assertThat(inJanuary.lectures()).isEqualTo(1);
        assertThat(inJanuary.hours()).isEqualByComparingTo("2.0");
        // The whole year from the ledger (a range one day longer than the year) and from the yearly rollup agree.
        ReportPeriod range = new ReportPeriod(year.minusDays(1), year.withDayOfYear(year.lengthOfYear()));
        UnitFigures byLedger = row(township.code(), village.code(), range);
        UnitFigures byRollup = row(township.code(), village.code(), thisYear());
        assertThat(byLedger).isEqualTo(byRollup);
        assertThat(byRollup.lectures()).isEqualTo(2);
    }

    @Test
    void compliance_agrees_with_the_hours_module_for_every_kind_of_trainee() {
        Region township = township(SANMEN, 0);
        Region village = regions.children(township.code()).getFirst();
        List<String> phones = fixtures.trainees(8, village.code(), false);
        LocalDate today = today();
        // Periods that started long ago (a later period is current), just now, in the future, on 29 February;
        // levels with different requirements; one without certificate.
        certify(phones.get(0), "ASSISTANT", today.minusYears(7).minusDays(20));
        certify(phones.get(1), "INTERMEDIATE", today.minusMonths(30));
        certify(phones.get(2), "SENIOR", today.minusDays(2));
        certify(phones.get(3), "ASSISTANT", today.plusDays(15));
        certify(phones.get(4), "INTERMEDIATE", LocalDate.of(2024, 2, 29));
        certify(phones.get(5), "ASSISTANT", today.minusMonths(18));
        certify(phones.get(6), "SENIOR", today.minusYears(3));
        List<Long> lectures = java.util.stream.IntStream.range(0, 12).mapToObj(i -> fixtures.openLecture(5, Map.of()))
                .toList();
        // 0: much in an earlier period, 2 h in the current one (BEHIND); 1: 24 h of 90 after 30 months (BEHIND);
        // 2, 3, 6: a period that just began or has not begun (ON_TRACK); 4: 24 h of 90, period from 29 Feb (BEHIND);
        // 5: 24 h from lectures and 60 h of outside training (MET); 7: no certificate (NOT_REQUIRED).
        for (int i = 0; i < 10; i++) {
            book(idOf(phones.get(0)), lectures.get(i), today.minusYears(5));
        }
        book(idOf(phones.get(0)), lectures.get(10), today.minusDays(1));
        for (int i = 0; i < 12; i++) {
            book(idOf(phones.get(1)), lectures.get(i), today.minusMonths(2));
        }
        book(idOf(phones.get(2)), lectures.get(0), today.minusDays(1));
        for (int i = 0; i < 12; i++) {
            book(idOf(phones.get(5)), lectures.get(i), today.minusMonths(1));
            book(idOf(phones.get(4)), lectures.get(i), today.minusMonths(1));
        }
        book(idOf(phones.get(6)), lectures.get(0), today);
        jdbc.update("INSERT INTO hours_entry (trainee_id, title, source, hours, earned_on, recorded_at)"
                + " VALUES (?, '外部培训', 'EXTERNAL_TRAINING', 60.0, ?, NOW())", idOf(phones.get(5)), today.minusDays(3));

        assertAgreesWithProgress(village, phones);
        // Once the standing rollup holds these trainees the answer is the same (and it stays right as hours arrive).
        standing.refresh();
        assertAgreesWithProgress(village, phones);
        book(idOf(phones.get(1)), fixtures.openLecture(5, Map.of()), today);
        assertAgreesWithProgress(village, phones);
        // The per-village sums the triggers kept say what computing every trainee on the spot says.
        assertThat(standing.isCurrent(today)).isTrue();
        UnitFigures fromUnits = row(village.parentCode(), village.code(), thisYear());
        jdbc.update("UPDATE report_day SET as_of = NULL");
        try {
            assertThat(standing.isCurrent(today)).isFalse();
            assertThat(row(village.parentCode(), village.code(), thisYear())).isEqualTo(fromUnits);
        } finally {
            standing.refresh();
        }
        assertThat(row(village.parentCode(), village.code(), thisYear())).isEqualTo(fromUnits);
    }

    @Test
    void a_rebuild_from_the_trainees_and_the_ledger_gives_the_figures_the_triggers_kept() {
        Region township = township(SANMEN, 1);
        List<String> phones = fixtures.trainees(3, regions.children(township.code()).getFirst().code(), false);
        certify(phones.get(0), "ASSISTANT", today().minusMonths(6));
        book(idOf(phones.get(0)), fixtures.openLecture(10, Map.of()), today());
        ProgressReport kept = fixtures.as("admin", () -> reports.report(SANMEN, thisYear()));

        // The bulk-load path (ScaleData, a restore): every rollup row written again from the trainees and the ledger.
        standing.rebuild();

        assertThat(fixtures.as("admin", () -> reports.report(SANMEN, thisYear()))).isEqualTo(kept);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM report_trainee", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM trainee", Long.class));
    }

    private void assertAgreesWithProgress(Region village, List<String> phones) {
        Map<Long, ComplianceStatus> expected = fixtures.as("admin", () -> phones.stream().map(this::idOf)
                .collect(Collectors.toMap(Function.identity(), id -> ledger.progressOf(id).status(today()))));
        Map<Long, BigDecimal> earned = fixtures.as("admin", () -> phones.stream().map(this::idOf)
                .collect(Collectors.toMap(Function.identity(), id -> ledger.progressOf(id).earned())));
        List<TraineeFigures> listed = fixtures.as("admin", () -> reports.trainees(village.code(), thisYear(), 0, 500));
        Map<Long, TraineeFigures> byId = listed.stream().collect(Collectors.toMap(TraineeFigures::id, t -> t));
        for (Long id : expected.keySet()) {
            assertThat(byId.get(id).status()).as("status of trainee " + id).isEqualTo(expected.get(id));
            if (expected.get(id) != ComplianceStatus.NOT_REQUIRED) {
                assertThat(byId.get(id).earnedInRegistrationPeriod()).as("earned of " + id).isEqualByComparingTo(earned.get(id));
            }
        }
        assertThat(expected.values()).contains(ComplianceStatus.MET, ComplianceStatus.ON_TRACK, ComplianceStatus.BEHIND,
                ComplianceStatus.NOT_REQUIRED);
        // The village's row counts the same trainees as compliant.
        UnitFigures row = row(village.parentCode(), village.code(), thisYear());
        long required = listed.stream().filter(t -> t.status() != ComplianceStatus.NOT_REQUIRED).count();
        long compliant = listed.stream().filter(t -> t.status().compliant() && t.status() != ComplianceStatus.NOT_REQUIRED)
                .count();
        assertThat(row.required()).isEqualTo(required);
        assertThat(row.compliant()).isEqualTo(compliant);
    }
}
