package cn.tzsw.college.shell;

import cn.tzsw.college.ui.Languages;
import cn.tzsw.college.security.AccountService;
import cn.tzsw.college.security.AuthenticatedUser;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The shell around every view: the menu lists only the views the current role may open (Vaadin filters the
 * {@code @Menu} entries by their access annotations); the drawer collapses on phones.
 */
@Layout
@AnonymousAllowed
class MainLayout extends AppLayout {

    private final AuthenticatedUser authenticatedUser;
    private final AccountService accounts;
    private final AuthenticationContext authenticationContext;

    MainLayout(AuthenticatedUser authenticatedUser, AccountService accounts,
               AuthenticationContext authenticationContext) {
        this.authenticatedUser = authenticatedUser;
        this.accounts = accounts;
        this.authenticationContext = authenticationContext;
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), header());
        addToDrawer(brand(), menu());
    }

    private Div brand() {
        Div brand = new Div(new Span(getTranslation("app.name")));
        brand.addClassName("app-brand");
        return brand;
    }

    private SideNav menu() {
        SideNav nav = new SideNav();
        nav.setId("main-menu");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private HorizontalLayout header() {
        HorizontalLayout header = new HorizontalLayout();
        header.addClassName("app-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        Span spacer = new Span();
        header.addAndExpand(spacer);

        Button language = new Button(getTranslation("language.switch"), e -> switchLanguage());
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        language.setId("language-switch");
        header.add(language);

        authenticatedUser.current().ifPresentOrElse(user -> {
            String role = getTranslation(user.role().messageKey());
            // The first administrator is named after the role: 「学院管理员」 once, not twice.
            Span who = new Span(user.displayName().equals(role) ? role : user.displayName() + " · " + role);
            who.setId("current-user");
            who.addClassName("app-user");
            Button logout = new Button(getTranslation("nav.logout"), e -> authenticationContext.logout());
            logout.setId("logout");
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            header.add(who, logout);
        }, () -> {
            Button login = new Button(getTranslation("nav.login"), e -> getUI().ifPresent(ui -> ui.navigate("login")));
            login.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            header.add(login);
        });
        return header;
    }

    private void switchLanguage() {
        var target = Languages.other(getLocale());
        if (authenticatedUser.current().isPresent()) {
            accounts.changeLanguage(target);
        }
        getUI().ifPresent(ui -> Languages.switchTo(ui, target));
    }
}
