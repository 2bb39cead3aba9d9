package cn.tzsw.college.security.ui;

import cn.tzsw.college.security.PasswordResets;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.ui.UserMessages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * 「忘记密码」: the visitor types their mobile number (user name) and is told the same whatever it names; those
 * without a mail address on file learn here that an administrator resets passwords.
 */
@Route("forgot-password")
@AnonymousAllowed
class ForgotPasswordView extends Main implements HasDynamicTitle {

    ForgotPasswordView(PasswordResets resets) {
        addClassName("narrow-page");
        TextField username = new TextField(getTranslation("login.username"));
        username.setId("forgot-username");
        username.setRequired(true);
        username.setWidthFull();
        username.setMaxWidth("24em");
        Paragraph answer = new Paragraph();
        answer.setId("forgot-answer");
        answer.setVisible(false);
        Button send = new Button(getTranslation("passwordReset.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("forgot-send");
        send.addClickListener(e -> {
            if (username.getValue().isBlank()) {
                username.setErrorMessage(getTranslation("jakarta.validation.constraints.NotBlank.message"));
                username.setInvalid(true);
                return;
            }
            username.setInvalid(false);
            try {
                resets.request(username.getValue(), VaadinRequest.getCurrent().getRemoteAddr());
                answer.setText(getTranslation("passwordReset.sent", PasswordResets.VALID_FOR.toMinutes()));
            } catch (BusinessRuleException refused) {
                answer.setText(UserMessages.describe(this, refused));
            }
            answer.setVisible(true);
        });
        add(new H2(getTranslation("passwordReset.title")), new Paragraph(getTranslation("passwordReset.intro")),
                username, send, answer, new Paragraph(getTranslation("passwordReset.noEmail")),
                new Anchor("login", getTranslation("passwordReset.backToLogin")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("passwordReset.title") + " | " + getTranslation("app.name");
    }
}
