package cn.tzsw.college.portal.ui;

import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.CurrentUser;
import cn.tzsw.college.security.Role;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The front door at {@code /}: the college's portal for visitors, and after sign-in each role's own home (a
 * trainee's progress and next steps; staff figures). One address, so that the brand and the 首页 entry always lead
 * to the right page.
 */
@Route("")
@AnonymousAllowed
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
class HomeView extends Main implements HasDynamicTitle {

    HomeView(AuthenticatedUser authenticatedUser, ObjectProvider<PortalPage> portal,
             ObjectProvider<TraineeHome> traineeHome, ObjectProvider<StaffHome> staffHome) {
        addClassName("home-view");
        Optional<CurrentUser> user = authenticatedUser.current();
        if (user.isEmpty()) {
            add(portal.getObject());
        } else if (user.get().is(Role.TRAINEE)) {
            add(traineeHome.getObject());
        } else {
            add(staffHome.getObject());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " | " + getTranslation("app.name");
    }
}
