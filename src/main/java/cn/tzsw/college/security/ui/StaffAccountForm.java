package cn.tzsw.college.security.ui;

import cn.tzsw.college.regions.RegionLevel;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.security.StaffAccountData;
import cn.tzsw.college.ui.FormBinders;
import cn.tzsw.college.ui.FormSaveEvent;
import cn.tzsw.college.ui.RegionPicker;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.shared.Registration;

/** Creates a coordinator (or another staff account); fires {@link FormSaveEvent} when every field is valid. */
class StaffAccountForm extends FormLayout {

    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final Select<Role> role = new Select<>();
    final RegionPicker regionCode;
    final PasswordField password = new PasswordField();
    private final BeanValidationBinder<StaffAccountData> binder = FormBinders.forBean(StaffAccountData.class);

    StaffAccountForm(RegionService regions) {
        regionCode = new RegionPicker(regions, regions.home().code(), RegionLevel.TOWNSHIP);
        username.setLabel(getTranslation("account.username"));
        displayName.setLabel(getTranslation("account.displayName"));
        role.setLabel(getTranslation("account.role"));
        role.setItems(Role.COORDINATOR, Role.ADMIN, Role.INSTRUCTOR);
        role.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        regionCode.setLabel(getTranslation("account.region"));
        regionCode.setHelperText(getTranslation("account.region.help"));
        password.setLabel(getTranslation("account.initialPassword"));
        binder.bindInstanceFields(this);
        binder.setBean(new StaffAccountData());

        Button save = new Button(getTranslation("action.save"), e -> {
            if (binder.validate().isOk()) {
                fireEvent(new FormSaveEvent<>(this, binder.getBean()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("staff-save");
        add(username, displayName, role, regionCode, password, save);
        setColspan(regionCode, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("500px", 2));
    }

    BeanValidationBinder<StaffAccountData> binder() {
        return binder;
    }

    Registration addSaveListener(ComponentEventListener<FormSaveEvent<StaffAccountData>> listener) {
        return FormSaveEvent.listen(this, listener);
    }
}
