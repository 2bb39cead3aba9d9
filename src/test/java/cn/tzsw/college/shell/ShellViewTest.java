package cn.tzsw.college.shell;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.ViewTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shell around the views: the menu each role sees, who is signed in, and the friendly pages for an address one
 * may not open or that does not exist. The login page and the language switch (a cookie and a reload in the
 * browser) are {@code ui/ShellBrowserTest}.
 */
class ShellViewTest extends ViewTest {

    private List<String> menu() {
        return $(SideNav.class).id("main-menu").getItems().stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    void the_admin_sees_the_admin_menu() {
        openAs("admin");
        navigate("");
        assertThat(menu()).contains("首页", "学员名录", "用户管理");
        assertThat($(Span.class).id("current-user").getText()).contains("学院管理员");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_county_coordinator_sees_the_directory_of_the_county_only() {
        openAs("jj-coord");
        navigate("");
        assertThat(menu()).contains("学员名录").doesNotContain("用户管理");

        navigate("trainees");
        List<String> rows = rows($(Grid.class).id("trainee-grid"), 50);
        assertThat(rows).isNotEmpty().anyMatch(row -> row.contains("椒江区"))
                .noneMatch(row -> row.contains("临海市/") || row.contains("黄岩区/"));
    }

    @Test
    void a_coordinator_typing_the_user_list_address_is_turned_away() {
        openAs("jj-coord");
        navigate("admin/users");
        assertThat($(H2.class).id("error-title").getText()).isNotBlank();
        assertThat($(Grid.class).withId("user-grid").exists()).isFalse();
    }

    @Test
    void a_trainee_sees_no_management_menu() {
        openAs("13800000001");
        navigate("");
        assertThat(menu()).contains("首页").doesNotContain("学员名录").doesNotContain("用户管理");
    }

    @Test
    void an_unknown_page_shows_a_friendly_message() {
        openAs("admin");
        navigate("no-such-page");
        assertThat($(H2.class).id("error-title").getText()).contains("页面不存在");
        assertThat(textOf(currentView())).doesNotContain("Exception").doesNotContain("at com.");
    }
}
