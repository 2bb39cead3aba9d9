package cn.tzsw.college.tracking.ui;

import cn.tzsw.college.regions.RegionLevel;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.shared.CertificateLevel;
import cn.tzsw.college.trainees.TraineeEdit;
import cn.tzsw.college.ui.DatePickerTexts;
import cn.tzsw.college.ui.FormBinders;
import cn.tzsw.college.ui.FormErrors;
import cn.tzsw.college.ui.FormSaveEvent;
import cn.tzsw.college.ui.RegionPicker;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDate;

/**
 * Editing a trainee's profile (administrators; coordinators inside their subtree, whose region picker starts at
 * their own unit so that a trainee cannot be moved out of it). Fires {@link FormSaveEvent} once every field is valid.
 */
class TraineeForm extends FormLayout {

    final TextField name = new TextField();
    final EmailField email = new EmailField();
    final TextField workUnit = new TextField();
    final RegionPicker regionCode;
    final Select<CertificateLevel> certificateLevel = new Select<>();
    final DatePicker periodStart = new DatePicker();
    final Button save = new Button();
    private final BeanValidationBinder<TraineeEdit> binder = FormBinders.forBean(TraineeEdit.class);

    TraineeForm(RegionService regions, String rootCode, TraineeEdit edit) {
        regionCode = new RegionPicker(regions, rootCode, RegionLevel.VILLAGE);
        name.setLabel(getTranslation("trainee.name"));
        email.setLabel(getTranslation("trainee.email"));
        workUnit.setLabel(getTranslation("trainee.workUnit"));
        regionCode.setLabel(getTranslation("trainee.region"));
        regionCode.setHelperText(getTranslation("trainee.region.help"));
        certificateLevel.setLabel(getTranslation("trainee.certificateLevel"));
        certificateLevel.setItems(CertificateLevel.values());
        certificateLevel.setItemLabelGenerator(level -> getTranslation(level.messageKey()));
        periodStart.setLabel(getTranslation("trainee.periodStart"));
        periodStart.setI18n(DatePickerTexts.i18n());
        periodStart.setMax(LocalDate.now());
        certificateLevel.addValueChangeListener(e -> periodStart.setEnabled(e.getValue() != null && e.getValue().certified()));
        binder.bindInstanceFields(this);
        binder.setBean(edit);
        periodStart.setEnabled(edit.getCertificateLevel().certified());

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("trainee-save");
        save.addClickListener(e -> {
            if (binder.validate().isOk()) {
                fireEvent(new FormSaveEvent<>(this, binder.getBean()));
            }
        });
        add(name, email, workUnit, certificateLevel, periodStart, regionCode);
        setColspan(regionCode, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
    }

    void showError(RuntimeException error) {
        FormErrors.show(this, binder, error);
    }

    Registration addSaveListener(ComponentEventListener<FormSaveEvent<TraineeEdit>> listener) {
        return FormSaveEvent.listen(this, listener);
    }
}
