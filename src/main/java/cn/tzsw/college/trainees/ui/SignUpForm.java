package cn.tzsw.college.trainees.ui;

import cn.tzsw.college.regions.RegionLevel;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.shared.IdNumber;
import cn.tzsw.college.trainees.TraineeSignUp;
import cn.tzsw.college.ui.FormBinders;
import cn.tzsw.college.ui.FormSaveEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;

/** The self-registration form; fires {@link FormSaveEvent} with a bean that passed every field check. */
class SignUpForm extends FormLayout {

    final TraineeProfileFields profile;
    final TextField phone = new TextField();
    final TextField idNumber = new TextField();
    final PasswordField password = new PasswordField();
    final PasswordField passwordConfirmation = new PasswordField();
    private final Span derived = new Span();
    private final BeanValidationBinder<TraineeSignUp> binder = FormBinders.forBean(TraineeSignUp.class);

    SignUpForm(RegionService regions) {
        profile = new TraineeProfileFields(regions, regions.home().code());
        // No maxlength on the numbers: the browser would cut a mistyped 19th digit off silently; the checks say what
        // is wrong instead.
        phone.setLabel(getTranslation("trainee.phone"));
        idNumber.setLabel(getTranslation("trainee.idNumber"));
        idNumber.setValueChangeMode(ValueChangeMode.ON_BLUR);
        password.setLabel(getTranslation("trainee.password"));
        passwordConfirmation.setLabel(getTranslation("trainee.passwordConfirmation"));
        derived.addClassName("derived-info");
        derived.setId("derived-info");

        // An empty name is "required", not a breach of the name's pattern or length (the first failing check shows).
        binder.forField(profile.name).asRequired(getTranslation("jakarta.validation.constraints.NotBlank.message")).bind("name");
        // The picker always holds at least the fixed city; one must go down to a township or village, said at the field.
        binder.forField(profile.regionCode)
                .withValidator(code -> code != null && regions.find(code).map(r -> r.level() == RegionLevel.TOWNSHIP
                        || r.level() == RegionLevel.VILLAGE).orElse(false), getTranslation("trainee.region.level"))
                .bind("regionCode");
        binder.forField(passwordConfirmation)
                .withValidator(value -> value.equals(password.getValue()), getTranslation("validation.password.mismatch"))
                .bind("passwordConfirmation");
        profile.bindTo(binder);
        binder.bindInstanceFields(this);
        binder.setBean(new TraineeSignUp());

        idNumber.addValueChangeListener(e -> showDerived(e.getValue()));

        Button submit = new Button(getTranslation("signUp.submit"), e -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("sign-up-submit");
        // The button closes the form, on a row of its own under it, not beside the last field.
        Div actions = new Div(submit);
        actions.addClassName("form-actions");

        add(profile.name, phone, idNumber, derived, profile.email, profile.workUnit, profile.regionCode,
                profile.certificateLevel, profile.periodStart, password, passwordConfirmation, actions);
        setColspan(profile.regionCode, 2);
        setColspan(actions, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 2));
    }

    private void showDerived(String text) {
        if (IdNumber.isValid(text)) {
            IdNumber id = IdNumber.of(text);
            derived.setText(getTranslation("trainee.derived", getTranslation("gender." + id.gender().name()),
                    ChineseDates.format(id.birthDate(), getLocale())));
        } else {
            derived.setText("");
        }
    }

    private void submit() {
        if (binder.validate().isOk()) {
            fireEvent(new FormSaveEvent<>(this, binder.getBean()));
        }
    }

    BeanValidationBinder<TraineeSignUp> binder() {
        return binder;
    }

    Registration addSubmitListener(ComponentEventListener<FormSaveEvent<TraineeSignUp>> listener) {
        return FormSaveEvent.listen(this, listener);
    }
}
