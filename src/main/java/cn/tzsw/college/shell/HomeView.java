package cn.tzsw.college.shell;

import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.CurrentUser;
import cn.tzsw.college.regions.RegionService;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The first page after sign-in: who you are, where you work, and what you can do here. */
@Route("")
@PermitAll
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
class HomeView extends VerticalLayout implements HasDynamicTitle {

    HomeView(AuthenticatedUser authenticatedUser, RegionService regions) {
        CurrentUser user = authenticatedUser.require();
        H2 greeting = new H2(getTranslation("home.greeting", user.displayName()));
        greeting.setId("home-greeting");
        add(greeting, new Paragraph(getTranslation("home.role." + user.role().name())));
        if (user.regionCode() != null) {
            add(new Paragraph(getTranslation("home.region", regions.displayPath(user.regionCode()))));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " | " + getTranslation("app.name");
    }
}
