package cn.tzsw.college.catalog.ui;

import cn.tzsw.college.catalog.Category;
import cn.tzsw.college.catalog.CourseData;
import cn.tzsw.college.catalog.CourseFormat;
import cn.tzsw.college.regions.Region;
import cn.tzsw.college.shared.CertificateLevel;
import cn.tzsw.college.ui.FormBinders;
import cn.tzsw.college.ui.FormSaveEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.shared.Registration;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** A course's description; fires {@link FormSaveEvent} when every field is valid. */
class CourseForm extends FormLayout {

    final TextField title = new TextField();
    final TextArea summary = new TextArea();
    final ComboBox<Category> category = new ComboBox<>();
    final NumberField creditHours = new NumberField();
    final Select<CourseFormat> format = new Select<>();
    final ComboBox<Region> organiser = new ComboBox<>();
    final InstructorsField instructors = new InstructorsField();
    final CheckboxGroup<CertificateLevel> targetLevels = new CheckboxGroup<>();
    private final BeanValidationBinder<CourseData> binder = FormBinders.forBean(CourseData.class);

    CourseForm(CourseData data, List<Category> categories, List<Region> organisers) {
        title.setLabel(getTranslation("courseAdmin.title"));
        title.setMaxLength(120);
        title.setId("course-title");
        summary.setLabel(getTranslation("courseAdmin.summary"));
        summary.setMaxLength(2000);
        summary.setMinRows(3);
        summary.setId("course-summary");
        category.setLabel(getTranslation("courseAdmin.category"));
        category.setItems(categories);
        category.setItemLabelGenerator(c -> c.name(getLocale()));
        category.setId("course-category");
        creditHours.setLabel(getTranslation("courseAdmin.creditHours"));
        creditHours.setStep(0.5);
        creditHours.setMin(0.5);
        creditHours.setMax(99.5);
        creditHours.setStepButtonsVisible(true);
        creditHours.setId("course-credit-hours");
        format.setLabel(getTranslation("courseAdmin.format"));
        format.setItems(CourseFormat.values());
        format.setItemLabelGenerator(f -> getTranslation(f.messageKey()));
        organiser.setLabel(getTranslation("courseAdmin.organiser"));
        organiser.setItems(organisers);
        organiser.setItemLabelGenerator(Region::name);
        organiser.setId("course-organiser");
        instructors.setLabel(getTranslation("courseAdmin.instructors"));
        instructors.setRequiredIndicatorVisible(true);
        targetLevels.setLabel(getTranslation("courseAdmin.targetLevels"));
        targetLevels.setItems(CertificateLevel.values());
        targetLevels.setItemLabelGenerator(level -> getTranslation(level.messageKey()));

        binder.forField(category)
                .withConverter(Converter.<Category, Long>from(c -> Result.ok(c == null ? null : c.id()),
                        id -> categories.stream().filter(c -> Objects.equals(c.id(), id)).findFirst().orElse(null)))
                .bind("categoryId");
        binder.forField(creditHours)
                .withConverter(Converter.<Double, BigDecimal>from(d -> Result.ok(d == null ? null : BigDecimal.valueOf(d)),
                        hours -> hours == null ? null : hours.doubleValue()))
                // The bean's own half-step rule is a bean-level constraint, which the binder does not run.
                .withValidator(hours -> hours == null || hours.multiply(BigDecimal.TWO).stripTrailingZeros().scale() <= 0,
                        getTranslation("course.creditHours.halfSteps"))
                .bind("creditHours");
        binder.forField(organiser)
                .withConverter(Converter.<Region, String>from(r -> Result.ok(r == null ? null : r.code()),
                        code -> organisers.stream().filter(r -> r.code().equals(code)).findFirst().orElse(null)))
                .bind("organiserCode");
        // Bean validation does not look into the list's elements here; the service would, with a less helpful message.
        binder.forField(instructors)
                .withValidator(list -> list.stream().allMatch(i -> !i.name().isBlank() && i.name().length() <= 30),
                        getTranslation("courseAdmin.instructor.nameRequired"))
                .bind("instructors");
        binder.bindInstanceFields(this);
        binder.setBean(data);

        add(title, category, summary, creditHours, format, organiser, instructors, targetLevels);
        setColspan(title, 2);
        setColspan(summary, 2);
        setColspan(instructors, 2);
        setColspan(targetLevels, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("560px", 2));
    }

    /** The save button, for the dialog's footer (beside 取消, never scrolled away with the form). */
    Button saveButton() {
        Button save = new Button(getTranslation("action.save"), e -> {
            if (binder.validate().isOk()) {
                fireEvent(new FormSaveEvent<>(this, binder.getBean()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("course-save");
        return save;
    }

    BeanValidationBinder<CourseData> binder() {
        return binder;
    }

    Registration addSaveListener(ComponentEventListener<FormSaveEvent<CourseData>> listener) {
        return FormSaveEvent.listen(this, listener);
    }
}
