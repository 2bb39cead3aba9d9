package cn.tzsw.college.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.regions.Region;
import cn.tzsw.college.regions.RegionService;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The region scope of the progress reports holds in the service layer: report, drill-down, trainee list and both
 * exports refuse a unit outside the caller's subtree exactly as they refuse a unit that does not exist.
 */
class ReportScopeTest extends IntegrationTest {

    static final String TAIZHOU = "331000000000";
    static final String JIAOJIANG = "331002000000";
    static final String HUANGYAN = "331003000000";
    static final String HAIMEN = "331002001000";
    /** A county code that names no unit. */
    static final String NO_SUCH_COUNTY = "331099000000";

    @Autowired
    ProgressReports reports;
    @Autowired
    ProgressReportExport export;
    @Autowired
    RegionService regions;
    @Autowired
    MessageSource messages;

    private final ReportPeriod thisYear = ReportPeriod.year(LocalDate.now().getYear());

    private Function<String, String> chinese() {
        return key -> messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    /** Refused, with the same words as for a unit that does not exist. */
    private void assertRefusedLikeMissing(Executable foreign, Executable missing) {
        Throwable a = org.junit.jupiter.api.Assertions.assertThrows(AccessDeniedException.class, foreign);
        Throwable b = org.junit.jupiter.api.Assertions.assertThrows(AccessDeniedException.class, missing);
        assertThat(a.getMessage()).isEqualTo(b.getMessage());
    }

    @Test
    @WithUserDetails("jj-coord")
    void a_county_coordinator_asking_for_another_county_is_refused_as_for_a_missing_one() {
        assertRefusedLikeMissing(() -> reports.report(HUANGYAN, thisYear), () -> reports.report(NO_SUCH_COUNTY, thisYear));
    }

    @Test
    @WithUserDetails("jj-coord")
    void a_county_coordinator_cannot_open_the_city_above() {
        assertThatThrownBy(() -> reports.report(TAIZHOU, thisYear)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.report("330000000000", thisYear)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("jj-coord")
    void drilling_into_a_foreign_township_or_village_is_refused() {
        Region township = regions.children(HUANGYAN).getFirst();
        Region village = regions.children(township.code()).getFirst();
        assertRefusedLikeMissing(() -> reports.report(township.code(), thisYear),
                () -> reports.report("331002999000", thisYear));
        assertRefusedLikeMissing(() -> reports.trainees(village.code(), thisYear, 0, 50),
                () -> reports.trainees("331002001999", thisYear, 0, 50));
        assertRefusedLikeMissing(() -> reports.traineeCount(village.code()), () -> reports.traineeCount("331002001999"));
    }

    @Test
    @WithUserDetails("jj-coord")
    void exports_of_another_county_are_refused_as_for_a_missing_one() {
        assertRefusedLikeMissing(() -> export.xlsx(HUANGYAN, thisYear, chinese()),
                () -> export.xlsx(NO_SUCH_COUNTY, thisYear, chinese()));
        assertRefusedLikeMissing(() -> export.pdf(HUANGYAN, thisYear, chinese()),
                () -> export.pdf(NO_SUCH_COUNTY, thisYear, chinese()));
    }

    @Test
    @WithUserDetails("jj-coord")
    void malformed_codes_are_refused_too() {
        for (String code : new String[] {"", "3310", "33100200000X", "331002' OR '1'='1", null}) {
            assertThatThrownBy(() -> reports.report(code, thisYear)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    @WithUserDetails("hm-coord")
    void a_township_coordinator_cannot_open_the_county_above() {
        assertThatThrownBy(() -> reports.report(JIAOJIANG, thisYear)).isInstanceOf(AccessDeniedException.class);
        assertThat(reports.report(HAIMEN, thisYear).rows()).isNotEmpty()
                .allSatisfy(row -> assertThat(row.code()).startsWith("331002001"));
    }

    @Test
    @WithUserDetails("jj-coord")
    void a_county_coordinator_sees_the_townships_of_the_county_and_a_breadcrumb_from_the_county_down() {
        ProgressReport report = reports.report(JIAOJIANG, thisYear);
        assertThat(report.rows()).extracting(UnitFigures::code).allMatch(code -> code.startsWith("331002"))
                .containsAll(regions.children(JIAOJIANG).stream().map(Region::code).toList());
        assertThat(report.breadcrumb()).extracting(Region::name).containsExactly("椒江区");
        ProgressReport township = reports.report(HAIMEN, thisYear);
        assertThat(township.breadcrumb()).extracting(Region::name).containsExactly("椒江区", "海门街道");
    }

    @Test
    @WithUserDetails("tz-coord")
    void the_city_coordinator_sees_all_nine_counties() {
        ProgressReport report = reports.report(TAIZHOU, thisYear);
        assertThat(report.rows()).hasSize(9);
        assertThat(report.rows()).extracting(UnitFigures::name).contains("椒江区", "黄岩区", "路桥区", "临海市", "温岭市",
                "玉环市", "三门县", "天台县", "仙居县");
        assertThat(report.total().trainees()).isGreaterThanOrEqualTo(50);
    }

    @Test
    @WithUserDetails("13800000001")
    void trainees_get_no_report_at_all() {
        assertThatThrownBy(() -> reports.report(HAIMEN, thisYear)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> export.xlsx(HAIMEN, thisYear, chinese())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("jj-coord")
    void the_excel_export_of_a_county_holds_its_townships_and_nothing_else() throws Exception {
        byte[] file = export.xlsx(JIAOJIANG, thisYear, chinese());
        List<String> names = ExportFiles.firstColumn(file);
        List<String> townships = regions.children(JIAOJIANG).stream().map(Region::name).toList();
        assertThat(names).containsAll(townships).contains("合计");
        assertThat(String.join(" ", names)).doesNotContain("黄岩").doesNotContain("台州市 /");
    }

    @Test
    @WithUserDetails("jj-coord")
    void the_pdf_export_embeds_the_chinese_font_and_holds_the_same_rows() throws Exception {
        byte[] file = export.pdf(JIAOJIANG, thisYear, chinese());
        String text = ExportFiles.pdfText(file);
        assertThat(text).contains("学习进度报表", "椒江区", regions.children(JIAOJIANG).getFirst().name(), "合计")
                .doesNotContain("黄岩");
        assertThat(ExportFiles.pdfFontsEmbedded(file)).isTrue();
    }
}
