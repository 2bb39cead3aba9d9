package cn.tzsw.college.catalog.ui;

import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.Category;
import cn.tzsw.college.catalog.CourseAdminService;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.ui.Notifications;
import cn.tzsw.college.ui.UserMessages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;

/** The course categories, in both languages: add one, or select one and rename it. */
class CategoriesDialog extends Dialog {

    private final CourseAdminService courses;
    private final CatalogService catalog;
    private final Grid<Category> grid = new Grid<>();
    private final TextField nameZh = new TextField();
    private final TextField nameEn = new TextField();
    private final Button rename;

    CategoriesDialog(CourseAdminService courses, CatalogService catalog, Runnable onChange) {
        this.courses = courses;
        this.catalog = catalog;
        setHeaderTitle(getTranslation("category.dialog.title"));
        setWidth("min(640px, 100vw)");

        grid.setId("category-grid");
        grid.addColumn(Category::nameZh).setHeader(getTranslation("category.nameZh")).setFlexGrow(1);
        grid.addColumn(Category::nameEn).setHeader(getTranslation("category.nameEn")).setFlexGrow(1);
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> {
            Category selected = e.getFirstSelectedItem().orElse(null);
            nameZh.setValue(selected == null ? "" : selected.nameZh());
            nameEn.setValue(selected == null ? "" : selected.nameEn());
            updateButtons();
        });

        nameZh.setLabel(getTranslation("category.nameZh"));
        nameZh.setMaxLength(40);
        nameZh.setId("category-name-zh");
        nameEn.setLabel(getTranslation("category.nameEn"));
        nameEn.setMaxLength(60);
        nameEn.setId("category-name-en");
        Button add = new Button(getTranslation("category.add"), e -> change(() -> {
            courses.addCategory(nameZh.getValue(), nameEn.getValue());
            Notifications.success(getTranslation("category.added", nameZh.getValue().strip()));
        }, onChange));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("category-add");
        rename = new Button(getTranslation("category.rename"), e -> grid.getSelectedItems().stream().findFirst()
                .ifPresent(category -> change(() -> {
                    courses.renameCategory(category.id(), nameZh.getValue(), nameEn.getValue());
                    Notifications.success(getTranslation("category.renamed", nameZh.getValue().strip()));
                }, onChange)));
        rename.setId("category-rename");

        FlexLayout editor = new FlexLayout(nameZh, nameEn, add, rename);
        editor.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        editor.addClassName("filters");
        add(grid, editor);
        getFooter().add(new Button(getTranslation("category.dialog.close"), e -> close()));
        refresh();
    }

    private void change(Runnable action, Runnable onChange) {
        try {
            action.run();
            grid.deselectAll();
            refresh();
            onChange.run();
        } catch (BusinessRuleException e) {
            Notifications.error(UserMessages.describe(this, e));
        }
    }

    private void refresh() {
        grid.setItems(catalog.categories());
        updateButtons();
    }

    private void updateButtons() {
        rename.setEnabled(!grid.getSelectedItems().isEmpty());
    }
}
