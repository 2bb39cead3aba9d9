package cn.tzsw.college.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.reporting.ProgressReports;
import cn.tzsw.college.reporting.ReportPeriod;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.IdNumber;
import cn.tzsw.college.trainees.ImportMode;
import cn.tzsw.college.trainees.ImportReport;
import cn.tzsw.college.trainees.RosterImport;
import cn.tzsw.college.trainees.RosterTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13, finding 9 (part): the roster template's example row never becomes a trainee and names region codes
 * that exist; report periods outside the years a report can be about (2000 to next year) are refused by the
 * service (the view falls back to this year: {@link BadReportAddressBrowserTest}).
 */
class BadInputTest extends IntegrationTest {

    /** The example row's phone in the template. */
    private static final String EXAMPLE_PHONE = "13900000000";

    @Autowired
    Fixtures fixtures;
    @Autowired
    RosterImport rosterImport;
    @Autowired
    RegionService regions;
    @Autowired
    ProgressReports reports;
    @Autowired
    Clock clock;

    @Test
    void the_templates_example_row_left_in_is_not_imported_and_the_importer_is_told_why() {
        assertThatThrownBy(() -> fixtures.as("admin", () -> rosterImport.run(RosterTemplate.xlsx(), ImportMode.CREATE_ONLY, null)))
                .isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> assertThat(((BusinessRuleException) e).messageKey()).isEqualTo("roster.file.onlyExample"));
        assertThat(fixtures.count("SELECT COUNT(*) FROM trainee WHERE phone = ?", EXAMPLE_PHONE)).isZero();
    }

    @Test
    void a_trainee_written_below_the_example_row_is_imported_and_the_example_is_not() throws Exception {
        String phone = "1391" + "%07d".formatted(ThreadLocalRandom.current().nextInt(10_000_000));
        String first17 = "331002" + "19850607" + "%03d".formatted(ThreadLocalRandom.current().nextInt(1000));
        byte[] file = withRow(RosterTemplate.xlsx(), "李新学员", first17 + IdNumber.checkCharacter(first17), phone,
                "331002001003", "城隍浦社区居委会", "无", "", "");

        ImportReport report = fixtures.as("admin", () -> rosterImport.run(file, ImportMode.CREATE_ONLY, null));

        assertThat(report.problems()).isEmpty();
        assertThat(report.written()).isTrue();
        assertThat(report.rows()).isOne();
        assertThat(fixtures.count("SELECT COUNT(*) FROM trainee WHERE phone = ?", phone)).isOne();
        assertThat(fixtures.count("SELECT COUNT(*) FROM trainee WHERE phone = ?", EXAMPLE_PHONE)).isZero();
    }

    @Test
    void every_region_code_the_template_names_exists() throws Exception {
        List<String> codes = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(RosterTemplate.xlsx()))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        Matcher code = Pattern.compile("\\b33\\d{10}\\b").matcher(cell.getStringCellValue());
                        while (code.find()) {
                            codes.add(code.group());
                        }
                    }
                }
            }
        }

        assertThat(codes).isNotEmpty().allSatisfy(code -> assertThat(regions.find(code)).as(code).isPresent());
    }

    @Test
    void a_report_for_a_year_no_report_can_be_about_is_refused() {
        int nextYear = LocalDate.now(clock).getYear() + 1;

        for (int year : List.of(-5, 999_999_999, ReportPeriod.FIRST_YEAR - 1, nextYear + 1)) {
            assertThatThrownBy(() -> fixtures.as("admin", () -> reports.report("331000000000", ReportPeriod.year(year))))
                    .as("year %d", year).isInstanceOf(BusinessRuleException.class)
                    .satisfies(e -> assertThat(((BusinessRuleException) e).messageKey()).isEqualTo("report.period.outOfRange"));
        }
        assertThat(fixtures.as("admin", () -> reports.report("331000000000", ReportPeriod.year(nextYear))).period().from())
                .isEqualTo(LocalDate.of(nextYear, 1, 1));
    }

    /** The workbook with one more line on its roster sheet. */
    private static byte[] withRow(byte[] xlsx, String... values) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet roster = workbook.getSheetAt(0);
            Row row = roster.createRow(roster.getLastRowNum() + 1);
            for (int i = 0; i < values.length; i++) {
                row.createCell(i).setCellValue(values[i]);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
