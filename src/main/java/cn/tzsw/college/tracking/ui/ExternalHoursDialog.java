package cn.tzsw.college.tracking.ui;

import cn.tzsw.college.hours.ExternalHoursData;
import cn.tzsw.college.hours.ExternalHoursService;
import cn.tzsw.college.hours.HoursSource;
import cn.tzsw.college.ui.DatePickerTexts;
import cn.tzsw.college.ui.FormBinders;
import cn.tzsw.college.ui.FormErrors;
import cn.tzsw.college.ui.Notifications;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.server.streams.UploadHandler;
import java.time.LocalDate;

/** An administrator records hours earned outside the platform, with the certificate or diploma as evidence. */
class ExternalHoursDialog extends Dialog {

    final Select<HoursSource> source = new Select<>();
    final TextField title = new TextField();
    final BigDecimalField hours = new BigDecimalField();
    final DatePicker earnedOn = new DatePicker();
    final TextArea note = new TextArea();
    private final BeanValidationBinder<ExternalHoursData> binder = FormBinders.forBean(ExternalHoursData.class);
    private volatile byte[] evidence;
    private volatile String evidenceName;

    ExternalHoursDialog(ExternalHoursService service, long traineeId, Runnable saved) {
        setHeaderTitle(getTranslation("external.title"));
        source.setLabel(getTranslation("external.source"));
        source.setItems(HoursSource.EXTERNAL_TRAINING, HoursSource.DEGREE);
        source.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        title.setLabel(getTranslation("external.titleField"));
        hours.setLabel(getTranslation("external.hours"));
        earnedOn.setLabel(getTranslation("external.earnedOn"));
        earnedOn.setI18n(DatePickerTexts.i18n());
        earnedOn.setMax(LocalDate.now());
        note.setLabel(getTranslation("external.note"));
        source.addValueChangeListener(e -> {
            boolean degree = e.getValue() == HoursSource.DEGREE;
            hours.setEnabled(!degree);
            hours.setHelperText(degree ? getTranslation("external.degreeHelp") : null);
        });
        binder.bindInstanceFields(this);
        binder.setBean(new ExternalHoursData());

        Span fileName = new Span(getTranslation("external.evidence.none"));
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> {
            evidence = bytes;
            evidenceName = metadata.fileName();
            fileName.setText(metadata.fileName());
        })));
        upload.setMaxFiles(1);
        cn.tzsw.college.ui.UploadTexts.apply(upload);
        upload.setMaxFileSize(20 * 1024 * 1024);
        upload.setAcceptedFileTypes(".pdf", ".png", ".jpg", ".jpeg", "application/pdf", "image/png", "image/jpeg");
        upload.addFileRejectedListener(e -> Notifications.error(getTranslation("hours.evidence.type")));
        upload.setId("external-evidence");

        FormLayout form = new FormLayout(source, title, hours, earnedOn, note);
        form.setColspan(note, 2);
        Span evidenceLabel = new Span(getTranslation("external.evidence"));
        add(form, evidenceLabel, upload, fileName);

        Button save = new Button(getTranslation("action.save"), e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            try {
                service.record(traineeId, binder.getBean(), evidenceName, evidence);
                Notifications.success(getTranslation("external.saved"));
                close();
                saved.run();
            } catch (RuntimeException error) {
                FormErrors.show(form, binder, error);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("external-save");
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
        setWidth("min(40em, 100vw)");
    }
}
