package cn.tzsw.college.registration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.ViewTest;
import cn.tzsw.college.hours.HoursLedger;
import cn.tzsw.college.hours.HoursSource;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.security.SystemTasks;
import com.vaadin.flow.component.html.Div;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** 我的讲座: what is still ahead of the trainee, and what is behind them. */
class MyLecturesViewTest extends ViewTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    RegistrationService registrations;
    @Autowired
    HoursLedger hoursLedger;
    @Autowired
    JdbcTemplate jdbc;

    /**
     * A recorded lecture stays open until its end, days after the trainee watched it: with its hours booked and
     * its certificate issued it stood under 即将开始. Done for the trainee, it goes under the lectures behind them.
     */
    @Test
    void a_lecture_completed_before_its_end_is_no_longer_listed_as_ahead() {
        String phone = fixtures.trainees(1, "331002001003", false).getFirst();
        long completed = fixtures.openLecture(10, Map.of());
        long ahead = fixtures.openLecture(10, Map.of());
        fixtures.as(phone, () -> registrations.register(completed));
        fixtures.as(phone, () -> registrations.register(ahead));
        long trainee = jdbc.queryForObject("SELECT id FROM trainee WHERE phone = ?", Long.class, phone);
        SystemTasks.runAsSystem(() -> hoursLedger.bookLecture(trainee, completed, HoursSource.IN_PERSON, LocalDate.now()));

        openAs(phone);
        navigate(MyLecturesView.class);

        assertThat(lecturesIn("my-upcoming")).containsExactly(String.valueOf(ahead));
        assertThat(lecturesIn("my-past")).containsExactly(String.valueOf(completed));
    }

    private List<String> lecturesIn(String sectionId) {
        return $(Div.class).id(sectionId).getChildren()
                .map(card -> card.getElement().getAttribute("data-lecture"))
                .filter(id -> id != null).toList();
    }
}
