package cn.tzsw.college.registration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.ViewTest;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.registration.RegistrationStatus;
import cn.tzsw.college.registration.RosterEntry;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.io.ByteArrayInputStream;
import com.vaadin.flow.component.html.Anchor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/** The roster of a lecture as administrators see it, and its CSV download with the Chinese text intact. */
class RosterViewTest extends ViewTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    RegistrationService registrations;

    @Test
    void the_admin_sees_the_roster_and_downloads_it_as_csv_with_chinese_text() {
        List<String> phones = fixtures.trainees(1, "331002001003", false);
        long lectureId = fixtures.openLecture(10, Map.of());
        fixtures.as(phones.getFirst(), () -> registrations.register(lectureId));
        String name = "学员" + phones.getFirst().substring(7);

        openAs("admin");
        RosterView roster = navigate(RosterView.class, Map.of("lectureId", String.valueOf(lectureId)));
        assertThat(textOf(roster)).contains("报名名单", "已报名（1）", "候补中（0）", "下载 Excel", "下载 CSV");
        assertThat(rows($(Grid.class).id("roster-grid"), 10)).anyMatch(row -> row.contains(name));

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        test($(Anchor.class).id("roster-csv")).download(csv);
        byte[] bytes = csv.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).as("a BOM, for Excel").containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("\uFEFF姓名,").contains(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_admin_finds_people_on_the_roster_exports_the_chosen_ones_and_cancels_them_after_a_question() throws Exception {
        List<String> phones = fixtures.trainees(3, "331002001003", false);
        long lectureId = fixtures.openLecture(10, Map.of());
        phones.forEach(phone -> fixtures.as(phone, () -> registrations.register(lectureId)));
        List<String> names = phones.stream().map(phone -> "学员" + phone.substring(7)).toList();

        openAs("admin");
        navigate(RosterView.class, Map.of("lectureId", String.valueOf(lectureId)));
        Grid<RosterEntry> grid = $(Grid.class).id("roster-grid");
        assertThat(rows(grid, 10)).hasSize(3);
        test($(TextField.class).id("roster-search")).setValue(phones.get(1).substring(6));
        assertThat(rows(grid, 10)).singleElement().asString().contains(names.get(1));
        assertThat(textOf(currentView())).as("the tabs count whom the search finds").contains("已报名（1）");

        test($(TextField.class).id("roster-search")).setValue("");
        GridTester<Grid<RosterEntry>, RosterEntry> rows = test(grid);
        rows.select(0);
        rows.select(2);
        assertThat($(Span.class).id("roster-selection").getText()).isEqualTo("已选 2 人");

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        test($(Anchor.class).id("roster-selected")).download(xlsx);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).as("header and the two chosen").isEqualTo(2);
            assertThat(List.of(sheet.getRow(1).getCell(0).getStringCellValue(),
                    sheet.getRow(2).getCell(0).getStringCellValue())).containsExactly(names.get(0), names.get(2));
        }

        test($(Button.class).id("roster-bulk-remove")).click();
        ConfirmDialog question = $(ConfirmDialog.class).id("roster-bulk-confirm");
        assertThat(registrations.roster(lectureId, Set.of(RegistrationStatus.CANCELLED), "", PageRequest.of(0, 5))
                .getTotalElements()).as("nothing happens before the answer").isZero();
        test(question).confirm();
        assertThat(rows(grid, 10)).singleElement().asString().contains(names.get(1));
        assertThat(textOf(currentView())).contains("已报名（1）", "已取消（2）", "已选 0 人");
    }
}
