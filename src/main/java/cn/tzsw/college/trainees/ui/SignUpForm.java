package cn.tzsw.college.trainees.ui;

import cn.tzsw.college.regions.RegionLevel;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.shared.CertificateLevel;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.shared.IdNumber;
import cn.tzsw.college.trainees.TraineeSignUp;
import cn.tzsw.college.ui.DatePickerTexts;
import cn.tzsw.college.ui.FormBinders;
import cn.tzsw.college.ui.FormSaveEvent;
import cn.tzsw.college.ui.RegionPicker;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDate;

/** The self-registration form; fires {@link FormSaveEvent} with a bean that passed every field check. */
class SignUpForm extends FormLayout {

    final TextField name = new TextField();
    final TextField phone = new TextField();
    final TextField idNumber = new TextField();
    final EmailField email = new EmailField();
    final TextField workUnit = new TextField();
    final RegionPicker regionCode;
    final Select<CertificateLevel> certificateLevel = new Select<>();
    final DatePicker periodStart = new DatePicker();
    final PasswordField password = new PasswordField();
    final PasswordField passwordConfirmation = new PasswordField();
    private final Span derived = new Span();
    private final BeanValidationBinder<TraineeSignUp> binder = FormBinders.forBean(TraineeSignUp.class);

    SignUpForm(RegionService regions) {
        regionCode = new RegionPicker(regions, regions.home().code(), RegionLevel.VILLAGE);
        name.setLabel(getTranslation("trainee.name"));
        // No maxlength on the numbers: the browser would cut a mistyped 19th digit off silently; the checks say what
        // is wrong instead.
        phone.setLabel(getTranslation("trainee.phone"));
        idNumber.setLabel(getTranslation("trainee.idNumber"));
        idNumber.setValueChangeMode(ValueChangeMode.ON_BLUR);
        email.setLabel(getTranslation("trainee.email"));
        // The field checks the address itself; without its own message it only turned red.
        email.setI18n(new EmailField.EmailFieldI18n().setPatternErrorMessage(getTranslation("validation.email")));
        email.setHelperText(getTranslation("trainee.email.help"));
        workUnit.setLabel(getTranslation("trainee.workUnit"));
        workUnit.setPlaceholder(getTranslation("trainee.workUnit.placeholder"));
        regionCode.setLabel(getTranslation("trainee.region"));
        regionCode.setHelperText(getTranslation("trainee.region.help"));
        certificateLevel.setLabel(getTranslation("trainee.certificateLevel"));
        certificateLevel.setItems(CertificateLevel.values());
        certificateLevel.setItemLabelGenerator(level -> getTranslation(level.messageKey()));
        periodStart.setLabel(getTranslation("trainee.periodStart"));
        periodStart.setHelperText(getTranslation("trainee.periodStart.help"));
        periodStart.setMax(LocalDate.now());
        periodStart.setI18n(DatePickerTexts.i18n());
        password.setLabel(getTranslation("trainee.password"));
        passwordConfirmation.setLabel(getTranslation("trainee.passwordConfirmation"));
        derived.addClassName("derived-info");
        derived.setId("derived-info");

        // An empty name is "required", not a breach of the name's pattern or length (the first failing check shows).
        binder.forField(name).asRequired(getTranslation("jakarta.validation.constraints.NotBlank.message")).bind("name");
        // The picker always holds at least the fixed city; one must go down to a township or village, said at the field.
        binder.forField(regionCode)
                .withValidator(code -> code != null && regions.find(code).map(r -> r.level() == RegionLevel.TOWNSHIP
                        || r.level() == RegionLevel.VILLAGE).orElse(false), getTranslation("trainee.region.level"))
                .bind("regionCode");
        binder.forField(passwordConfirmation)
                .withValidator(value -> value.equals(password.getValue()), getTranslation("validation.password.mismatch"))
                .bind("passwordConfirmation");
        binder.forField(periodStart)
                .withValidator(date -> date != null || certificateLevel.getValue() == null
                        || !certificateLevel.getValue().certified(),
                        getTranslation("validation.periodStart.required"))
                .bind("periodStart");
        binder.bindInstanceFields(this);
        binder.setBean(new TraineeSignUp());

        certificateLevel.addValueChangeListener(e -> periodStart.setVisible(e.getValue() != null && e.getValue().certified()));
        periodStart.setVisible(false);
        idNumber.addValueChangeListener(e -> showDerived(e.getValue()));

        Button submit = new Button(getTranslation("signUp.submit"), e -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("sign-up-submit");
        // The button closes the form, on a row of its own under it, not beside the last field.
        Div actions = new Div(submit);
        actions.addClassName("form-actions");

        add(name, phone, idNumber, derived, email, workUnit, regionCode, certificateLevel, periodStart, password,
                passwordConfirmation, actions);
        setColspan(regionCode, 2);
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
