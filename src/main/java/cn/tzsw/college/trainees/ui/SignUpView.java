package cn.tzsw.college.trainees.ui;

import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.trainees.TraineeService;
import cn.tzsw.college.ui.FormErrors;
import cn.tzsw.college.ui.Notifications;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.validation.ConstraintViolationException;

/** Self-registration for social workers, open to anyone, usable on a phone. */
@Route("register")
@AnonymousAllowed
class SignUpView extends Main implements HasDynamicTitle {

    SignUpView(TraineeService trainees, RegionService regions) {
        addClassName("narrow-page");
        SignUpForm form = new SignUpForm(regions);
        form.addSubmitListener(event -> {
            try {
                trainees.signUp(event.data(), getLocale(), VaadinRequest.getCurrent().getRemoteAddr());
                Notifications.success(getTranslation("signUp.done"));
                getUI().ifPresent(ui -> ui.navigate("login"));
            } catch (BusinessRuleException | ConstraintViolationException e) {
                FormErrors.show(form, form.binder(), e);
            }
        });
        add(new H2(getTranslation("signUp.title")), new Paragraph(getTranslation("signUp.intro")), form);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signUp.title") + " | " + getTranslation("app.name");
    }
}
