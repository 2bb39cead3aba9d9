package cn.tzsw.college.trainees.ui;

import cn.tzsw.college.regions.RegionLevel;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.shared.CertificateLevel;
import cn.tzsw.college.trainees.TraineeProfile;
import cn.tzsw.college.ui.DatePickerTexts;
import cn.tzsw.college.ui.RegionPicker;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.i18n.I18NProvider;
import java.time.LocalDate;
import org.springframework.modulith.NamedInterface;

/**
 * The fields of a {@link TraineeProfile}, set up alike wherever a profile is entered: the sign-up form and the
 * tracking capability's edit form. Each form places them in its own order. The registration period's start is
 * shown, and required, only for certified social workers.
 */
@NamedInterface("profile-fields")
public class TraineeProfileFields {

    public final TextField name = new TextField();
    public final EmailField email = new EmailField();
    public final TextField workUnit = new TextField();
    public final RegionPicker regionCode;
    public final Select<CertificateLevel> certificateLevel = new Select<>();
    public final DatePicker periodStart = new DatePicker();

    /** The region picker starts at {@code rootCode}: a coordinator's own unit, else the home unit. */
    public TraineeProfileFields(RegionService regions, String rootCode) {
        regionCode = new RegionPicker(regions, rootCode, RegionLevel.VILLAGE);
        name.setLabel(text("trainee.name"));
        email.setLabel(text("trainee.email"));
        // The field checks the address itself; without its own message it only turned red.
        email.setI18n(new EmailField.EmailFieldI18n().setPatternErrorMessage(text("validation.email")));
        email.setHelperText(text("trainee.email.help"));
        workUnit.setLabel(text("trainee.workUnit"));
        workUnit.setPlaceholder(text("trainee.workUnit.placeholder"));
        regionCode.setLabel(text("trainee.region"));
        regionCode.setHelperText(text("trainee.region.help"));
        certificateLevel.setLabel(text("trainee.certificateLevel"));
        certificateLevel.setItems(CertificateLevel.values());
        certificateLevel.setItemLabelGenerator(level -> text(level.messageKey()));
        periodStart.setLabel(text("trainee.periodStart"));
        periodStart.setHelperText(text("trainee.periodStart.help"));
        periodStart.setMax(LocalDate.now());
        periodStart.setI18n(DatePickerTexts.i18n());
        periodStart.setVisible(false);
        certificateLevel.addValueChangeListener(e -> periodStart.setVisible(certified()));
    }

    /** Binds the fields to the binder's profile properties (same names), with the period start's rule on its field. */
    public void bindTo(BeanValidationBinder<? extends TraineeProfile> binder) {
        binder.forField(periodStart)
                .withValidator(date -> date != null || !certified(), text("validation.periodStart.required"))
                .bind("periodStart");
        binder.bindInstanceFields(this);
    }

    private boolean certified() {
        return certificateLevel.getValue() != null && certificateLevel.getValue().certified();
    }

    private static String text(String key) {
        return I18NProvider.translate(key);
    }
}
