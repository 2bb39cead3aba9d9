package cn.tzsw.college.registration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.ViewTest;
import cn.tzsw.college.registration.RegistrationService;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
}
