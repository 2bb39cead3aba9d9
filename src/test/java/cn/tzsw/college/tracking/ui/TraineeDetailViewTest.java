package cn.tzsw.college.tracking.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.ViewTest;
import cn.tzsw.college.attendance.AttendanceMarks;
import cn.tzsw.college.attendance.AttendanceStatus;
import cn.tzsw.college.registration.RegistrationService;
import com.vaadin.flow.component.grid.Grid;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The trainee page lists the trainee's attendance and certificates, each lecture with its state. */
class TraineeDetailViewTest extends ViewTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    RegistrationService registrations;
    @Autowired
    AttendanceMarks marks;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_trainee_page_shows_attendance_and_certificates_instead_of_a_placeholder() {
        String phone = fixtures.trainees(1, "331002001003", false).getFirst();
        long trainee = fixtures.count("SELECT id FROM trainee WHERE phone = ?", phone);
        long lecture = fixtures.openLecture(10, Map.of());
        fixtures.as(phone, () -> registrations.register(lecture));
        fixtures.as("admin", () -> {
            marks.mark(lecture, trainee, AttendanceStatus.PRESENT, "补登");
            return null;
        });
        await("the completion certificate").atMost(Duration.ofSeconds(30)).until(() -> fixtures.count(
                "SELECT COUNT(*) FROM certificate WHERE trainee_id = ? AND lecture_id = ?", trainee, lecture) == 1);
        String serial = jdbc.queryForObject(
                "SELECT serial FROM certificate WHERE trainee_id = ? AND lecture_id = ?", String.class, trainee, lecture);

        openAs("jj-coord"); // the trainee lives in 椒江区: the coordinator's region
        navigate("trainee/" + trainee);
        assertThat(textOf(currentView())).contains("考勤", "证书").doesNotContain("将在对应功能上线后");
        List<String> attendance = rows($(Grid.class).id("attendance-grid"), 5);
        assertThat(attendance).singleElement().asString().contains("测试课程", "已发证", "已到 · 现场");
        List<String> certificates = rows($(Grid.class).id("certificates-grid"), 5);
        assertThat(certificates).singleElement().asString().contains(serial, "结业证书", "有效");
        assertThat(rows($(Grid.class).id("registrations-grid"), 5)).singleElement().asString().contains("已发证");
    }
}
