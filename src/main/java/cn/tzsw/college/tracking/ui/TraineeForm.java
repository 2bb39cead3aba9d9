package cn.tzsw.college.tracking.ui;

import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.trainees.TraineeEdit;
import cn.tzsw.college.trainees.ui.TraineeProfileFields;
import cn.tzsw.college.ui.FormBinders;
import cn.tzsw.college.ui.FormErrors;
import cn.tzsw.college.ui.FormSaveEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.shared.Registration;

/**
 * Editing a trainee's profile (administrators; coordinators inside their subtree, whose region picker starts at
 * their own unit so that a trainee cannot be moved out of it). Fires {@link FormSaveEvent} once every field is valid.
 */
class TraineeForm extends FormLayout {

    final TraineeProfileFields profile;
    final Button save = new Button();
    private final BeanValidationBinder<TraineeEdit> binder = FormBinders.forBean(TraineeEdit.class);

    TraineeForm(RegionService regions, String rootCode, TraineeEdit edit) {
        profile = new TraineeProfileFields(regions, rootCode);
        profile.bindTo(binder);
        binder.setBean(edit);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("trainee-save");
        save.addClickListener(e -> {
            if (binder.validate().isOk()) {
                fireEvent(new FormSaveEvent<>(this, binder.getBean()));
            }
        });
        add(profile.name, profile.email, profile.workUnit, profile.certificateLevel, profile.periodStart,
                profile.regionCode);
        setColspan(profile.regionCode, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
    }

    void showError(RuntimeException error) {
        FormErrors.show(this, binder, error);
    }

    Registration addSaveListener(ComponentEventListener<FormSaveEvent<TraineeEdit>> listener) {
        return FormSaveEvent.listen(this, listener);
    }
}
