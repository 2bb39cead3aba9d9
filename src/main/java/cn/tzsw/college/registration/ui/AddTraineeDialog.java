package cn.tzsw.college.registration.ui;

import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.registration.RegistrationOutcome;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.trainees.TraineeService;
import cn.tzsw.college.trainees.TraineeSummary;
import cn.tzsw.college.ui.Notifications;
import cn.tzsw.college.ui.UserMessages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import java.util.HashMap;
import java.util.Map;

/**
 * An administrator puts a trainee on the roster by hand: the registration window does not apply, seats do,
 * so the trainee may land on the waitlist; the notification says which.
 */
class AddTraineeDialog extends Dialog {

    AddTraineeDialog(long lectureId, RegistrationService registrations, TraineeService trainees, RegionService regions,
                     Runnable onAdded) {
        setHeaderTitle(getTranslation("roster.add.title"));
        setWidth("min(960px, 100vw)");
        Map<String, String> regionNames = new HashMap<>();

        TextField search = new TextField();
        search.setPlaceholder(getTranslation("trainees.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setWidthFull();
        search.setId("add-trainee-search");

        Grid<TraineeSummary> grid = new Grid<>();
        grid.setId("add-trainee-grid");
        grid.addColumn(TraineeSummary::name).setHeader(getTranslation("trainee.name")).setAutoWidth(true);
        grid.addColumn(TraineeSummary::maskedPhone).setHeader(getTranslation("trainee.phone")).setAutoWidth(true);
        grid.addColumn(TraineeSummary::maskedIdNumber).setHeader(getTranslation("trainee.idNumber")).setAutoWidth(true);
        grid.addColumn(TraineeSummary::workUnit).setHeader(getTranslation("trainee.workUnit")).setAutoWidth(true);
        grid.addColumn(t -> regionNames.computeIfAbsent(t.regionCode(), regions::displayPath))
                .setHeader(getTranslation("trainee.region")).setFlexGrow(1);
        grid.addComponentColumn(trainee -> {
            Button add = new Button(getTranslation("roster.add.button"), VaadinIcon.PLUS.create(), e -> {
                try {
                    RegistrationOutcome outcome = registrations.addByAdmin(lectureId, trainee.id());
                    Notifications.success(getTranslation("roster.added." + outcome.status().name(), trainee.name()));
                    onAdded.run();
                    grid.getDataProvider().refreshAll();
                } catch (BusinessRuleException rule) {
                    // The service words this one for the trainee ("you"); the administrator reads it about the trainee.
                    Notifications.error("registration.already".equals(rule.messageKey())
                            ? getTranslation("roster.add.already", trainee.name()) : UserMessages.describe(this, rule));
                }
            });
            add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            add.addClassName("add-trainee");
            return add;
        }).setAutoWidth(true).setFlexGrow(0);
        // Those on the roster or in line already are not offered again (asked anew as people are added).
        grid.setItems(query -> trainees.search(search.getValue(), null, registrations.rosterTraineeIds(lectureId),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.setHeight("24em");
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        add(search, grid);
        getFooter().add(new Button(getTranslation("roster.add.close"), e -> close()));
    }
}
