package cn.tzsw.college.ui;

import cn.tzsw.college.regions.Region;
import cn.tzsw.college.regions.RegionLevel;
import cn.tzsw.college.regions.RegionService;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Cascading region picker: city -> county -> township -> village. Its value is the code of the deepest unit
 * chosen. Tiers above the root are fixed (a county coordinator picks only inside their county); the deepest
 * tier offered is configurable (a coordinator's region stops at the township).
 */
public class RegionPicker extends CustomField<String> {

    private static final List<RegionLevel> TIERS = List.of(RegionLevel.CITY, RegionLevel.COUNTY,
            RegionLevel.TOWNSHIP, RegionLevel.VILLAGE);

    private final RegionService regions;
    private final List<ComboBox<Region>> boxes = new ArrayList<>();
    private Region root;
    private boolean updating;

    public RegionPicker(RegionService regions, String rootCode, RegionLevel deepest) {
        this.regions = regions;
        FlexLayout row = new FlexLayout();
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.addClassName("region-picker");
        for (RegionLevel tier : TIERS.subList(0, TIERS.indexOf(deepest) + 1)) {
            ComboBox<Region> box = new ComboBox<>();
            box.setPlaceholder(getTranslation(tier.messageKey()));
            box.setAriaLabel(getTranslation(tier.messageKey()));
            box.setItemLabelGenerator(Region::name);
            box.setClearButtonVisible(true);
            box.addClassName("region-picker-" + tier.name().toLowerCase(java.util.Locale.ROOT));
            int index = boxes.size();
            box.addValueChangeListener(e -> {
                if (!updating) {
                    cascadeFrom(index);
                    updateValue();
                }
            });
            boxes.add(box);
            row.add(box);
        }
        add(row);
        setRoot(rootCode);
    }

    /** Fixes the tiers down to the root and offers the ones below it. */
    public final void setRoot(String rootCode) {
        this.root = regions.get(rootCode);
        updating = true;
        try {
            List<Region> path = regions.path(root.code());
            for (int i = 0; i < boxes.size(); i++) {
                ComboBox<Region> box = boxes.get(i);
                RegionLevel tier = TIERS.get(i);
                Region fixed = path.stream().filter(r -> r.level() == tier).findFirst().orElse(null);
                if (fixed != null) {
                    box.setItems(fixed);
                    box.setValue(fixed);
                    box.setReadOnly(true);
                } else {
                    box.setReadOnly(false);
                    box.clear();
                    box.setItems(List.of());
                }
            }
            offerChildrenBelow(lastFilledIndex());
        } finally {
            updating = false;
        }
        updateValue();
    }

    private void cascadeFrom(int index) {
        for (int i = index + 1; i < boxes.size(); i++) {
            boxes.get(i).clear();
            boxes.get(i).setItems(List.of());
        }
        offerChildrenBelow(lastFilledIndex());
    }

    private void offerChildrenBelow(int filledIndex) {
        int next = filledIndex + 1;
        if (next >= boxes.size()) {
            return;
        }
        String parent = filledIndex >= 0 ? boxes.get(filledIndex).getValue().code() : root.code();
        boxes.get(next).setItems(regions.children(parent));
    }

    private int lastFilledIndex() {
        int last = -1;
        for (int i = 0; i < boxes.size() && boxes.get(i).getValue() != null; i++) {
            last = i;
        }
        return last;
    }

    @Override
    protected String generateModelValue() {
        int last = lastFilledIndex();
        return last < 0 ? null : boxes.get(last).getValue().code();
    }

    @Override
    protected void setPresentationValue(String code) {
        if (code == null || !root.contains(code)) {
            setRoot(root.code());
            return;
        }
        updating = true;
        try {
            List<Region> path = regions.path(code);
            for (int i = 0; i < boxes.size(); i++) {
                RegionLevel tier = TIERS.get(i);
                Region onPath = path.stream().filter(r -> r.level() == tier).findFirst().orElse(null);
                ComboBox<Region> box = boxes.get(i);
                if (box.isReadOnly()) {
                    continue;
                }
                if (onPath == null) {
                    box.clear();
                    box.setItems(List.of());
                    continue;
                }
                Region parent = i == 0 ? root : boxes.get(i - 1).getValue();
                if (parent != null) {
                    box.setItems(regions.children(parent.code()));
                }
                box.setValue(onPath);
            }
            offerChildrenBelow(lastFilledIndex());
        } finally {
            updating = false;
        }
    }
}
