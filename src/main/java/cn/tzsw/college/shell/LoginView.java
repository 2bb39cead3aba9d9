package cn.tzsw.college.shell;

import cn.tzsw.college.security.SignInLockedException;
import cn.tzsw.college.ui.Languages;
import cn.tzsw.college.ui.SignInFirst;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;

@Route(value = "login", autoLayout = false)
@AnonymousAllowed
class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();

    LoginView() {
        addClassName("login-view");
        H1 title = new H1(getTranslation("app.name"));
        title.addClassName("login-title");
        Paragraph subtitle = new Paragraph(getTranslation("app.tagline"));
        subtitle.addClassName("login-subtitle");

        login.setAction("login");
        login.addForgotPasswordListener(e -> getUI().ifPresent(ui -> ui.navigate("forgot-password")));
        login.setI18n(i18n());

        Anchor signUp = new Anchor("register", getTranslation("login.signUp"));
        signUp.addClassName("login-signup");
        Button language = new Button(getTranslation("language.switch"),
                e -> Languages.switchTo(getUI().orElseThrow(), Languages.other(getLocale())));
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        language.setId("language-switch");

        Div card = new Div(title, subtitle, login, signUp, language);
        card.addClassName("login-card");
        add(card);
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        form.setForgotPassword(getTranslation("login.forgotPassword"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.username"));
        error.setPassword(getTranslation("login.error.password"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter(SignInFirst.PARAMETER)
                .flatMap(SignInFirst::localPath).ifPresent(LoginView::continueTo);
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (failed) {
            lastSignInFailure().ifPresent(failure -> {
                if (failure instanceof SignInLockedException lock) {
                    explain("login.locked.title", getTranslation("login.locked.message", lock.untilText()));
                } else if (failure instanceof AuthenticationServiceException) {
                    // The password could not be checked (the database failed): not the person's mistake.
                    explain("login.unavailable.title", getTranslation("login.unavailable.message"));
                }
            });
        }
        login.setError(failed);
    }

    private void explain(String titleKey, String message) {
        LoginI18n i18n = i18n();
        i18n.getErrorMessage().setTitle(getTranslation(titleKey));
        i18n.getErrorMessage().setMessage(message);
        login.setI18n(i18n);
    }

    /**
     * Where the sign-in leads: Vaadin's success handler follows this session attribute (set by Vaadin itself when a
     * visitor opens a page that needs a sign-in); a path is taken relative to the application. In the session, so
     * that a wrong password first does not lose it.
     */
    private static void continueTo(String localPath) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.getSession().setAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT_ABSOLUTE, localPath);
        }
    }

    /** Spring Security keeps the last sign-in failure in the session: a lock says until when. */
    private static Optional<AuthenticationException> lastSignInFailure() {
        WrappedSession session = VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getSession();
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return failure instanceof AuthenticationException known ? Optional.of(known) : Optional.empty();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " | " + getTranslation("app.name");
    }
}
