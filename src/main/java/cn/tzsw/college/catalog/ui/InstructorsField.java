package cn.tzsw.college.catalog.ui;

import cn.tzsw.college.catalog.CourseData;
import cn.tzsw.college.shared.Texts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;

/** A course's lecturers: one row of name, title and affiliation each, rows added and removed at will. */
class InstructorsField extends CustomField<List<CourseData.InstructorData>> {

    private final VerticalLayout rows = new VerticalLayout();
    private final List<Row> entries = new ArrayList<>();

    InstructorsField() {
        rows.setPadding(false);
        rows.setSpacing(false);
        Button add = new Button(getTranslation("courseAdmin.instructor.add"), VaadinIcon.PLUS.create(), e -> {
            addRow(null);
            updateValue();
        });
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        add.setId("instructor-add");
        add(rows, add);
    }

    private void addRow(CourseData.InstructorData data) {
        Row row = new Row(data);
        entries.add(row);
        rows.add(row.layout);
    }

    @Override
    protected List<CourseData.InstructorData> generateModelValue() {
        // Rows left completely empty are ignored; a row with only a title is kept so validation can point at it.
        return new ArrayList<>(entries.stream().filter(row -> !row.isEmpty()).map(Row::toData).toList());
    }

    @Override
    protected void setPresentationValue(List<CourseData.InstructorData> instructors) {
        entries.clear();
        rows.removeAll();
        if (instructors == null || instructors.isEmpty()) {
            addRow(null);
        } else {
            instructors.forEach(this::addRow);
        }
    }

    private final class Row {
        final TextField name = new TextField();
        final TextField title = new TextField();
        final TextField affiliation = new TextField();
        final FlexLayout layout = new FlexLayout();

        Row(CourseData.InstructorData data) {
            name.setPlaceholder(getTranslation("courseAdmin.instructor.name"));
            name.setAriaLabel(getTranslation("courseAdmin.instructor.name"));
            name.setMaxLength(30);
            name.addClassName("instructor-name");
            title.setPlaceholder(getTranslation("courseAdmin.instructor.title"));
            title.setAriaLabel(getTranslation("courseAdmin.instructor.title"));
            title.setMaxLength(40);
            affiliation.setPlaceholder(getTranslation("courseAdmin.instructor.affiliation"));
            affiliation.setAriaLabel(getTranslation("courseAdmin.instructor.affiliation"));
            affiliation.setMaxLength(80);
            if (data != null) {
                name.setValue(nullToEmpty(data.name()));
                title.setValue(nullToEmpty(data.title()));
                affiliation.setValue(nullToEmpty(data.affiliation()));
            }
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                entries.remove(this);
                rows.remove(layout);
                updateValue();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("courseAdmin.instructor.remove"));
            for (TextField field : List.of(name, title, affiliation)) {
                field.addValueChangeListener(e -> updateValue());
            }
            layout.add(name, title, affiliation, remove);
            layout.addClassName("instructor-row");
        }

        boolean isEmpty() {
            return name.isEmpty() && title.isEmpty() && affiliation.isEmpty();
        }

        CourseData.InstructorData toData() {
            return new CourseData.InstructorData(name.getValue().strip(), Texts.blankToNull(title.getValue()),
                    Texts.blankToNull(affiliation.getValue()));
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
