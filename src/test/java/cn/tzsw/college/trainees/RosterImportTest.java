package cn.tzsw.college.trainees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.shared.BusinessRuleException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** Roster import: every line checked, all or nothing, scope per line, garbage files refused with a reason. */
class RosterImportTest extends IntegrationTest {

    static final String HAIMEN_VILLAGE = "331002001003";
    static final String LINHAI_VILLAGE = "331082001001";

    @Autowired
    RosterImport rosterImport;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TraineeService trainees;
    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder passwords;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private int stored(List<String[]> rows) {
        String phones = String.join(",", rows.stream().map(r -> "'" + r[2] + "'").toList());
        return fixtures.count("SELECT COUNT(*) FROM trainee WHERE phone IN (" + phones + ")");
    }

    @Test
    @WithUserDetails("admin")
    void an_imported_social_worker_claims_the_profile_by_signing_up_with_the_same_name_id_and_phone() {
        List<String[]> rows = RosterFiles.rows(2, HAIMEN_VILLAGE);
        assertThat(rosterImport.run(RosterFiles.xlsx(rows), ImportMode.CREATE_ONLY, null).written()).isTrue();
        long importedId = fixtures.count("SELECT id FROM trainee WHERE phone = ?", rows.get(0)[2]);

        // Someone else's phone with this ID number claims nothing.
        TraineeSignUp wrongPhone = claim(rows.get(0));
        wrongPhone.setPhone(rows.get(1)[2]);
        assertThatThrownBy(() -> trainees.signUp(wrongPhone, Locale.SIMPLIFIED_CHINESE, null))
                .isInstanceOf(BusinessRuleException.class);

        assertThat(trainees.signUp(claim(rows.get(0)), Locale.SIMPLIFIED_CHINESE, null)).isEqualTo(importedId);
        String hash = jdbc.queryForObject("SELECT password_hash FROM user_account WHERE username = ?", String.class,
                rows.get(0)[2]);
        assertThat(passwords.matches("Claimed@2026", hash)).isTrue();
        assertThat(fixtures.count("SELECT COUNT(*) FROM trainee WHERE phone = ?", rows.get(0)[2])).isOne();
        // Claimed once: the same again is an ID number already registered.
        assertThatThrownBy(() -> trainees.signUp(claim(rows.get(0)), Locale.SIMPLIFIED_CHINESE, null))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("trainee.idNumber.taken"));
    }

    private static TraineeSignUp claim(String[] row) {
        TraineeSignUp signUp = SignUpTest.validSignUp();
        signUp.setName(row[0]);
        signUp.setIdNumber(row[1]);
        signUp.setPhone(row[2]);
        signUp.setPassword("Claimed@2026");
        signUp.setPasswordConfirmation("Claimed@2026");
        return signUp;
    }

    @Test
    @WithUserDetails("admin")
    void one_bad_row_among_a_thousand_imports_nothing_and_names_that_row_then_the_fixed_file_imports_all() {
        List<String[]> rows = RosterFiles.rows(1000, HAIMEN_VILLAGE);
        String good = rows.get(499)[1];
        rows.get(499)[1] = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0'); // wrong check digit

        ImportReport rejected = rosterImport.run(RosterFiles.xlsx(rows), ImportMode.CREATE_ONLY, null);

        assertThat(rejected.written()).isFalse();
        assertThat(rejected.rows()).isEqualTo(1000);
        assertThat(rejected.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(501); // the header is line 1
            assertThat(problem.column()).isEqualTo(RosterColumn.ID_NUMBER);
            assertThat(problem.messageKey()).isEqualTo("validation.idNumber.checkDigit");
        });
        assertThat(stored(rows)).isZero();

        rows.get(499)[1] = good;
        ImportReport imported = rosterImport.run(RosterFiles.xlsx(rows), ImportMode.CREATE_ONLY, null);

        assertThat(imported.written()).isTrue();
        assertThat(imported.toCreate()).isEqualTo(1000);
        assertThat(stored(rows)).isEqualTo(1000);
        assertThat(fixtures.count("SELECT COUNT(*) FROM user_account WHERE username = ? AND role = 'TRAINEE'",
                rows.get(0)[2])).isOne();
    }

    @Test
    @WithUserDetails("admin")
    void a_gbk_csv_saved_by_excel_is_detected_and_read_correctly() {
        List<String[]> rows = RosterFiles.rows(3, "椒江区/海门街道/城隍浦社区");
        rows.get(0)[0] = "欧阳娜娜";
        byte[] gbk = RosterFiles.csv(rows, Charset.forName("GBK"));

        ImportReport report = rosterImport.run(gbk, ImportMode.CREATE_ONLY, null);

        assertThat(report.problems()).isEmpty();
        assertThat(report.written()).isTrue();
        assertThat(fixtures.count("SELECT COUNT(*) FROM trainee WHERE phone = ? AND name = '欧阳娜娜' AND region_code = ?",
                rows.get(0)[2], HAIMEN_VILLAGE)).isOne();
    }

    @Test
    @WithUserDetails("jj-coord")
    void a_utf8_csv_with_bom_works_and_a_name_path_starts_at_the_coordinators_county() {
        List<String[]> rows = RosterFiles.rows(2, "海门街道/城隍浦社区");
        byte[] withBom = ("\uFEFF" + RosterFiles.csvText(rows)).getBytes(StandardCharsets.UTF_8);

        ImportReport report = rosterImport.check(withBom, ImportMode.CREATE_ONLY);

        assertThat(report.problems()).isEmpty();
        assertThat(report.toCreate()).isEqualTo(2);
    }

    @Test
    @WithUserDetails("jj-coord")
    void a_county_coordinator_importing_a_row_for_a_foreign_village_gets_a_row_error_and_nothing_is_written() {
        List<String[]> rows = RosterFiles.rows(3, HAIMEN_VILLAGE);
        rows.get(1)[3] = LINHAI_VILLAGE;

        ImportReport report = rosterImport.run(RosterFiles.csv(rows, StandardCharsets.UTF_8), ImportMode.CREATE_ONLY, null);

        assertThat(report.written()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo(RosterColumn.REGION);
            assertThat(problem.messageKey()).isEqualTo("roster.row.regionOutsideScope");
        });
        assertThat(stored(rows)).isZero();
    }

    @Test
    @WithUserDetails("admin")
    void duplicates_inside_the_file_and_against_the_database_are_named_line_by_line() {
        List<String[]> rows = RosterFiles.rows(4, HAIMEN_VILLAGE);
        rows.get(1)[1] = rows.get(0)[1];     // line 3 repeats line 2's ID number
        rows.get(2)[2] = "13800000001";      // a demo trainee's phone
        String existingId = jdbc.queryForObject("SELECT id_number FROM trainee WHERE phone = '13800000002'",
                String.class);
        rows.get(3)[1] = existingId;         // a registered ID number

        ImportReport report = rosterImport.check(RosterFiles.csv(rows, StandardCharsets.UTF_8), ImportMode.CREATE_ONLY);

        assertThat(report.problems()).extracting(RowProblem::line, RowProblem::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "roster.row.duplicateInFile"),
                org.assertj.core.groups.Tuple.tuple(4, "roster.row.phoneTaken"),
                org.assertj.core.groups.Tuple.tuple(5, "roster.row.exists"));
    }

    @Test
    @WithUserDetails("admin")
    void an_administrator_who_chooses_update_updates_registered_trainees() {
        List<String[]> rows = RosterFiles.rows(1, HAIMEN_VILLAGE);
        rosterImport.run(RosterFiles.csv(rows, StandardCharsets.UTF_8), ImportMode.CREATE_ONLY, null);
        rows.get(0)[4] = "新的工作单位";

        assertThat(rosterImport.check(RosterFiles.csv(rows, StandardCharsets.UTF_8), ImportMode.CREATE_ONLY).problems())
                .extracting(RowProblem::messageKey).containsExactly("roster.row.exists");
        ImportReport report = rosterImport.run(RosterFiles.csv(rows, StandardCharsets.UTF_8), ImportMode.UPDATE, null);

        assertThat(report.written()).isTrue();
        assertThat(report.toUpdate()).isOne();
        assertThat(fixtures.count("SELECT COUNT(*) FROM trainee WHERE phone = ? AND work_unit = '新的工作单位'",
                rows.get(0)[2])).isOne();
    }

    @Test
    @WithUserDetails("jj-coord")
    void only_administrators_may_choose_update() {
        byte[] file = RosterFiles.csv(RosterFiles.rows(1, HAIMEN_VILLAGE), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> rosterImport.check(file, ImportMode.UPDATE))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("roster.import.updateAdminsOnly");
    }

    @Test
    @WithUserDetails("admin")
    void garbage_files_get_a_clear_reason() {
        assertRefused(new byte[0], "roster.file.empty");
        assertRefused(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D}, "roster.file.type");
        assertRefused(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1}, "roster.file.xls");
        assertRefused("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII), "roster.file.type");
        assertRefused(new byte[] {'a', (byte) 0xFF, (byte) 0xFF, '\n'}, "roster.file.encoding");
        assertRefused(new byte[] {'P', 'K', 3, 4, 1, 2, 3}, "roster.file.unreadable");
        assertRefused("名字,电话\n张三,138\n".getBytes(StandardCharsets.UTF_8), "roster.file.missingColumns");
        assertRefused((RosterFiles.HEADER + "\n").getBytes(StandardCharsets.UTF_8), "roster.file.noRows");
        assertRefused(new byte[50 * 1024 * 1024], "roster.file.tooLarge");
    }

    private void assertRefused(byte[] file, String key) {
        assertThatThrownBy(() -> rosterImport.check(file, ImportMode.CREATE_ONLY))
                .isInstanceOf(BusinessRuleException.class)
                .satisfies(e -> assertThat(((BusinessRuleException) e).messageKey()).isEqualTo(key));
    }

    @Test
    @WithUserDetails("admin")
    void the_templates_example_row_is_a_valid_roster_line_once_its_example_mark_is_removed() throws Exception {
        byte[] unmarked;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(RosterTemplate.xlsx()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Cell name = workbook.getSheetAt(0).getRow(1).getCell(0);
            name.setCellValue(name.getStringCellValue().replace(RosterTemplate.EXAMPLE_MARK, ""));
            workbook.write(out);
            unmarked = out.toByteArray();
        }
        ImportReport report = rosterImport.check(unmarked, ImportMode.CREATE_ONLY);
        assertThat(report.problems()).isEmpty();
        assertThat(report.rows()).isOne();
    }

    @Test
    @WithUserDetails("admin")
    void bad_values_are_named_per_column() {
        List<String[]> rows = RosterFiles.rows(1, "椒江区/海门街道/不存在的社区");
        rows.get(0)[2] = "12345";
        rows.get(0)[5] = "专家";
        rows.get(0)[6] = "明年";
        ImportReport report = rosterImport.check(RosterFiles.csv(rows, StandardCharsets.UTF_8), ImportMode.CREATE_ONLY);
        assertThat(report.problems()).extracting(RowProblem::column).containsExactlyInAnyOrder(RosterColumn.PHONE,
                RosterColumn.REGION, RosterColumn.LEVEL, RosterColumn.PERIOD_START);
    }
}
