package cn.tzsw.college.catalog.ui;

import cn.tzsw.college.regions.Region;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Seats reserved per county of the home city; an empty box means no quota for that county. */
class QuotasField extends CustomField<Map<String, Integer>> {

    private final Map<String, IntegerField> seats = new LinkedHashMap<>();

    QuotasField(List<Region> counties) {
        FlexLayout boxes = new FlexLayout();
        boxes.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        boxes.addClassName("quota-boxes");
        for (Region county : counties) {
            IntegerField field = new IntegerField(county.name());
            field.setMin(1);
            field.setClearButtonVisible(true);
            field.addClassName("quota-" + county.code());
            field.addValueChangeListener(e -> updateValue());
            seats.put(county.code(), field);
            boxes.add(field);
        }
        add(boxes);
    }

    @Override
    protected Map<String, Integer> generateModelValue() {
        Map<String, Integer> quotas = new LinkedHashMap<>();
        seats.forEach((code, field) -> {
            if (field.getValue() != null) {
                quotas.put(code, field.getValue());
            }
        });
        return quotas;
    }

    @Override
    protected void setPresentationValue(Map<String, Integer> quotas) {
        seats.forEach((code, field) -> field.setValue(quotas == null ? null : quotas.get(code)));
    }
}
