package cn.tzsw.college.catalog.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.ViewTest;
import cn.tzsw.college.catalog.CourseSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The administrators' catalogue screens: the course list, and a course built and scheduled through its dialogs that
 * then appears in the public catalogue. The roster of a lecture: {@code registration/ui/RosterViewTest}.
 */
class CourseAdminViewTest extends ViewTest {

    @Autowired
    Fixtures fixtures;

    @Test
    @SuppressWarnings("unchecked")
    void the_admin_lists_the_courses_with_their_organiser_and_status() {
        fixtures.openLecture(10, Map.of());

        openAs("admin");
        navigate(CourseAdminView.class);
        assertThat($(SideNav.class).id("main-menu").getItems()).extracting(SideNavItem::getLabel).contains("课程管理");
        test($(TextField.class).id("course-search")).setValue("测试课程");
        Grid<?> grid = $(Grid.class).id("course-grid");
        assertThat(grid.getColumns()).extracting(column -> ((Grid.Column<?>) column).getHeaderText())
                .contains("课程名称", "主办单位");
        List<String> rows = rows(grid, 30);
        assertThat(rows).anyMatch(row -> row.contains("测试课程") && row.contains("已发布") && row.contains("台州市"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_course_built_and_scheduled_in_its_dialogs_appears_in_the_public_catalogue() {
        String title = "界面排课测试" + System.nanoTime() % 100000;
        openAs("admin");
        navigate(CourseAdminView.class);

        test($(Button.class).id("new-course")).click();
        CourseForm course = $(CourseForm.class).single();
        test(course.title).setValue(title);
        test(course.summary).setValue("管理员在课程管理中创建的课程。");
        test(course.category).selectItem("实务方法");
        test(course.organiser).selectItem("台州市");
        test($(TextField.class).withClassName("instructor-name").first()).setValue("界面讲师");
        test($(Button.class).id("course-save")).click();
        assertThat($(CourseForm.class).exists()).as("the dialog closed").isFalse();

        test($(TextField.class).id("course-search")).setValue(title);
        GridTester<Grid<CourseSummary>, CourseSummary> courses = test((Grid<CourseSummary>) $(Grid.class).id("course-grid"));
        assertThat(courses.size()).isEqualTo(1);
        courses.select(0);
        test($(Button.class).id("publish-course")).click();
        assertThat($(Button.class).id("publish-course").isEnabled()).as("published: nothing left to publish").isFalse();
        courses.select(0);
        test($(Button.class).id("show-lectures")).click();
        test($(Button.class).id("schedule-lecture")).click();
        test($(TextField.class).id("lecture-venue")).setValue("界面测试教室");
        test($(Button.class).id("lecture-save")).click();
        assertThat($(LectureForm.class).exists()).as("the dialog closed").isFalse();
        assertThat(rows($(Grid.class).id("lecture-grid"), 10)).anyMatch(row -> row.contains("界面测试教室"));

        openAs(null);
        navigate(CatalogView.class);
        test($(TextField.class).id("catalog-search")).setValue(title);
        List<String> found = rows($(Grid.class).id("catalog-grid"), 10);
        assertThat(found).hasSize(1);
        assertThat(found.getFirst()).contains(title, "报名中", "界面讲师");
    }
}
