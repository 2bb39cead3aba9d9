package cn.tzsw.college.attendance.ui;

import cn.tzsw.college.attendance.ViewingSiteData;
import cn.tzsw.college.regions.RegionLevel;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.ui.FormBinders;
import cn.tzsw.college.ui.FormSaveEvent;
import cn.tzsw.college.ui.RegionPicker;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.shared.Registration;

/** A new group viewing site; the region picker starts at the coordinator's own unit. */
class ViewingSiteForm extends FormLayout {

    final RegionPicker regionCode;
    final TextField name = new TextField();
    final TextField address = new TextField();
    private final BeanValidationBinder<ViewingSiteData> binder = FormBinders.forBean(ViewingSiteData.class);

    ViewingSiteForm(RegionService regions, String rootCode) {
        regionCode = new RegionPicker(regions, rootCode, RegionLevel.VILLAGE);
        regionCode.setLabel(getTranslation("sites.region"));
        name.setLabel(getTranslation("sites.name"));
        name.setId("site-name");
        name.setMaxLength(100);
        address.setLabel(getTranslation("sites.address"));
        address.setId("site-address");
        address.setMaxLength(200);
        binder.bindInstanceFields(this);
        ViewingSiteData data = new ViewingSiteData();
        data.setRegionCode(rootCode);
        binder.setBean(data);
        Button save = new Button(getTranslation("sites.create"), e -> {
            if (binder.validate().isOk()) {
                fireEvent(new FormSaveEvent<>(this, binder.getBean()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("site-save");
        add(regionCode, name, address, save);
        setColspan(regionCode, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("500px", 2));
    }

    BeanValidationBinder<ViewingSiteData> binder() {
        return binder;
    }

    Registration addSaveListener(ComponentEventListener<FormSaveEvent<ViewingSiteData>> listener) {
        return FormSaveEvent.listen(this, listener);
    }
}
