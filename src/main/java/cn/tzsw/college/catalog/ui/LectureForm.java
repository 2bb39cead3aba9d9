package cn.tzsw.college.catalog.ui;

import cn.tzsw.college.catalog.LectureData;
import cn.tzsw.college.regions.Region;
import cn.tzsw.college.regions.RegionLevel;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.ui.DatePickerTexts;
import cn.tzsw.college.ui.FormBinders;
import cn.tzsw.college.ui.RegionPicker;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Schedules a lecture or changes it; fires {@link SaveEvent} when every field and the rules between the
 * times hold. When editing, the administrator may let a lower capacity move the latest registrations back
 * to the waitlist.
 */
class LectureForm extends FormLayout {

    final DateTimePicker startsAt = new DateTimePicker();
    final DateTimePicker endsAt = new DateTimePicker();
    final TextField venue = new TextField();
    final TextField streamUrl = new TextField();
    final TextField videoUrl = new TextField();
    final IntegerField capacity = new IntegerField();
    final DateTimePicker registrationOpens = new DateTimePicker();
    final DateTimePicker registrationCloses = new DateTimePicker();
    final DateTimePicker cancellationDeadline = new DateTimePicker();
    final RegionPicker regionRestriction;
    final QuotasField quotas;
    private final Checkbox moveOverflowToWaitlist = new Checkbox();
    private final Span ruleErrors = new Span();
    private final BeanValidationBinder<LectureData> binder = FormBinders.forBean(LectureData.class);

    /** @param editing whether the lecture exists already; @param quotasFixed whether trainees hold seats */
    LectureForm(LectureData data, RegionService regions, boolean editing, boolean quotasFixed) {
        Region home = regions.home();
        regionRestriction = new RegionPicker(regions, home.code(), RegionLevel.TOWNSHIP);
        quotas = new QuotasField(regions.children(home.code()));
        for (DateTimePicker picker : List.of(startsAt, endsAt, registrationOpens, registrationCloses, cancellationDeadline)) {
            picker.setStep(Duration.ofMinutes(15));
            picker.setDatePickerI18n(DatePickerTexts.i18n());
        }
        startsAt.setLabel(getTranslation("lectureForm.startsAt"));
        startsAt.setId("lecture-starts-at");
        endsAt.setLabel(getTranslation("lectureForm.endsAt"));
        endsAt.setId("lecture-ends-at");
        venue.setLabel(getTranslation("lectureForm.venue"));
        venue.setHelperText(getTranslation("lectureForm.venue.help"));
        venue.setMaxLength(120);
        venue.setId("lecture-venue");
        streamUrl.setLabel(getTranslation("lectureForm.streamUrl"));
        streamUrl.setHelperText(getTranslation("lectureForm.streamUrl.help"));
        streamUrl.setMaxLength(500);
        videoUrl.setLabel(getTranslation("lectureForm.videoUrl"));
        videoUrl.setMaxLength(500);
        capacity.setLabel(getTranslation("lectureForm.capacity"));
        capacity.setMin(1);
        capacity.setMax(100_000);
        capacity.setStepButtonsVisible(true);
        capacity.setId("lecture-capacity");
        registrationOpens.setLabel(getTranslation("lectureForm.registrationOpens"));
        registrationCloses.setLabel(getTranslation("lectureForm.registrationCloses"));
        cancellationDeadline.setLabel(getTranslation("lectureForm.cancellationDeadline"));
        regionRestriction.setLabel(getTranslation("lectureForm.regionRestriction"));
        regionRestriction.setHelperText(getTranslation("lectureForm.regionRestriction.help"));
        quotas.setLabel(getTranslation("lectureForm.quotas"));
        quotas.setHelperText(getTranslation(quotasFixed ? "lectureForm.quotas.fixed" : "lectureForm.quotas.help"));
        quotas.setReadOnly(quotasFixed);
        moveOverflowToWaitlist.setLabel(getTranslation("lectureForm.moveOverflowToWaitlist"));
        moveOverflowToWaitlist.setVisible(editing);
        moveOverflowToWaitlist.setId("lecture-move-overflow");
        ruleErrors.addClassNames("form-error", "footer-message");
        ruleErrors.setId("lecture-rule-errors");

        // The whole home city is where every trainee lives: choosing nothing below it means no restriction.
        binder.forField(regionRestriction)
                .withConverter(Converter.<String, String>from(code -> Result.ok(home.code().equals(code) ? null : code),
                        code -> code == null ? home.code() : code))
                .bind("regionRestriction");
        binder.bindInstanceFields(this);
        // Rules across fields are bean-level constraints, which the binder does not run by itself.
        binder.withValidator(LectureData::isEndAfterStart, getTranslation("lecture.endsAfterStart"));
        binder.withValidator(LectureData::isRegistrationOpenBeforeClose, getTranslation("lecture.registrationOpensBeforeClose"));
        binder.withValidator(LectureData::isRegistrationClosedBeforeStart, getTranslation("lecture.registrationClosesBeforeStart"));
        binder.withValidator(LectureData::isCancellationDeadlineBeforeStart, getTranslation("lecture.cancellationBeforeStart"));
        binder.setStatusLabel(ruleErrors);
        binder.setBean(data);

        add(startsAt, endsAt, venue, capacity, streamUrl, videoUrl, registrationOpens, registrationCloses,
                cancellationDeadline, regionRestriction, quotas, moveOverflowToWaitlist);
        setColspan(regionRestriction, 2);
        setColspan(quotas, 2);
        setColspan(moveOverflowToWaitlist, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("560px", 2));
    }

    /**
     * What goes in the dialog's footer, left to right: the message of a broken rule between the times, 取消 and 保存.
     * The footer never scrolls, so the message stays beside the button that produced it on a laptop and a phone.
     */
    Component[] footer(Button cancel) {
        Button save = new Button(getTranslation("action.save"), e -> {
            if (binder.validate().isOk()) {
                fireEvent(new SaveEvent(this, binder.getBean(), moveOverflowToWaitlist.getValue()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("lecture-save");
        cancel.setId("lecture-cancel");
        return new Component[] {ruleErrors, cancel, save};
    }

    /** A new lecture: next week 09:00-11:00, registration open from now until the day before. */
    static LectureData defaults(LocalDateTime now) {
        LocalDateTime start = LocalDate.from(now).plusWeeks(1).atTime(9, 0);
        LectureData data = new LectureData();
        data.setStartsAt(start);
        data.setEndsAt(start.plusHours(2));
        // Rounded down to the pickers' quarter-hour step.
        LocalDateTime opens = now.truncatedTo(ChronoUnit.HOURS).plusMinutes(now.getMinute() / 15 * 15L);
        data.setRegistrationOpens(opens);
        data.setRegistrationCloses(start.minusDays(1));
        data.setCancellationDeadline(start.minusDays(1));
        return data;
    }

    BeanValidationBinder<LectureData> binder() {
        return binder;
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    static class SaveEvent extends ComponentEvent<LectureForm> {
        private final LectureData data;
        private final boolean moveOverflowToWaitlist;

        SaveEvent(LectureForm source, LectureData data, boolean moveOverflowToWaitlist) {
            super(source, false);
            this.data = data;
            this.moveOverflowToWaitlist = moveOverflowToWaitlist;
        }

        LectureData data() {
            return data;
        }

        boolean moveOverflowToWaitlist() {
            return moveOverflowToWaitlist;
        }
    }
}
