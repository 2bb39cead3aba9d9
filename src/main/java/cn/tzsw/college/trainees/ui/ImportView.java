package cn.tzsw.college.trainees.ui;

import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.CurrentUser;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.trainees.ImportMode;
import cn.tzsw.college.trainees.ImportReport;
import cn.tzsw.college.trainees.RosterImport;
import cn.tzsw.college.trainees.RosterImportProperties;
import cn.tzsw.college.trainees.RosterTemplate;
import cn.tzsw.college.trainees.RowProblem;
import cn.tzsw.college.ui.Notifications;
import cn.tzsw.college.ui.UserMessages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Roster import: template, upload, a preview that names every bad line, then the import with a progress bar.
 * Checking and writing run in the background (as the signed-in user) while the page polls for progress.
 */
@Route("trainees/import")
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
class ImportView extends VerticalLayout implements HasDynamicTitle {

    private static final Executor BACKGROUND = Executors.newVirtualThreadPerTaskExecutor();

    private final RosterImport rosterImport;
    private final RadioButtonGroup<ImportMode> mode = new RadioButtonGroup<>();
    private final Span summary = new Span();
    private final Grid<RowProblem> problems = new Grid<>();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Button confirm = new Button();
    private byte[] content;
    private String fileName;

    ImportView(RosterImport rosterImport, RosterImportProperties properties, AuthenticatedUser authenticatedUser) {
        this.rosterImport = rosterImport;
        CurrentUser user = authenticatedUser.require();
        setMaxWidth("72em");

        Anchor template = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] file = RosterTemplate.xlsx();
            return new DownloadResponse(new ByteArrayInputStream(file), "trainee-roster-template.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.length);
        }), "");
        template.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(getTranslation("import.template")));
        template.setRouterIgnore(true);
        template.setId("import-template");

        mode.setLabel(getTranslation("import.mode"));
        mode.setItems(ImportMode.values());
        mode.setItemLabelGenerator(m -> getTranslation("import.mode." + m.name()));
        mode.setValue(ImportMode.CREATE_ONLY);
        mode.setVisible(user.is(Role.ADMIN)); // updating existing trainees is the administrators' choice
        mode.setId("import-mode");

        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> ui.access(() ->
                received(metadata.fileName(), bytes))));
        upload.setMaxFiles(1);
        cn.tzsw.college.ui.UploadTexts.apply(upload);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, properties.maxFileSize().toBytes()));
        upload.setId("import-upload");
        upload.addFileRejectedListener(e -> Notifications.error(getTranslation("roster.file.tooLarge",
                properties.maxFileSize().toMegabytes())));
        upload.addFileRemovedListener(e -> reset());

        problems.setId("import-problems");
        problems.addColumn(RowProblem::line).setHeader(getTranslation("import.line")).setAutoWidth(true);
        problems.addColumn(p -> p.column() == null ? "" : getTranslation(p.column().messageKey()))
                .setHeader(getTranslation("import.column")).setAutoWidth(true);
        problems.addColumn(p -> getTranslation(p.messageKey(), p.arguments().toArray()))
                .setHeader(getTranslation("import.reason")).setFlexGrow(1);
        problems.setVisible(false);
        problems.setAllRowsVisible(false);
        problems.setHeight("24em");

        summary.setId("import-summary");
        progress.setVisible(false);
        progress.setId("import-progress");
        progressText.setId("import-progress-text");
        confirm.setText(getTranslation("import.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        confirm.setId("import-confirm");
        confirm.addClickListener(e -> runImport());
        mode.addValueChangeListener(e -> {
            if (content != null) {
                preview();
            }
        });

        Button back = new Button(getTranslation("detail.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(u -> u.navigate("trainees")));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(back, new H2(getTranslation("nav.import")), new Paragraph(getTranslation("import.explanation")), template,
                mode, upload, summary, problems, new HorizontalLayout(confirm), progress, progressText);
    }

    private void received(String name, byte[] bytes) {
        fileName = name;
        content = bytes;
        preview();
    }

    private void reset() {
        content = null;
        fileName = null;
        summary.setText("");
        problems.setVisible(false);
        confirm.setEnabled(false);
    }

    /** Checks the whole file in the background; the preview lists every bad line. */
    private void preview() {
        confirm.setEnabled(false);
        summary.setText(getTranslation("import.checking", fileName));
        progress.setIndeterminate(true);
        progress.setVisible(true);
        byte[] file = content;
        ImportMode chosen = mode.getValue();
        background(() -> rosterImport.check(file, chosen), this::showPreview);
    }

    private void showPreview(ImportReport report) {
        progress.setVisible(false);
        if (report.valid()) {
            summary.setText(getTranslation("import.valid", report.rows(), report.toCreate(), report.toUpdate()));
            problems.setVisible(false);
            confirm.setEnabled(true);
        } else {
            summary.setText(getTranslation("import.invalid", report.rows(),
                    report.problems().stream().map(RowProblem::line).distinct().count()));
            problems.setItems(report.problems());
            problems.setVisible(true);
        }
    }

    private void runImport() {
        confirm.setEnabled(false);
        progress.setIndeterminate(false);
        progress.setValue(0);
        progress.setVisible(true);
        byte[] file = content;
        ImportMode chosen = mode.getValue();
        UI ui = UI.getCurrent();
        background(() -> rosterImport.run(file, chosen, (done, total) -> ui.access(() -> {
            progress.setValue((double) done / total);
            progressText.setText(getTranslation("import.progress", done, total));
        })), report -> {
            progress.setVisible(false);
            if (report.written()) {
                progressText.setText("");
                summary.setText(getTranslation("import.done", report.toCreate(), report.toUpdate()));
                Notifications.success(getTranslation("import.done", report.toCreate(), report.toUpdate()));
                content = null;
            } else {
                showPreview(report);
            }
        });
    }

    /** Runs the task as the signed-in user on a background thread; the page polls until it is done. */
    private <T> void background(java.util.function.Supplier<T> task, java.util.function.Consumer<T> done) {
        UI ui = UI.getCurrent();
        ui.setPollInterval(400);
        Runnable secured = new DelegatingSecurityContextRunnable(() -> {
            try {
                T result = task.get();
                ui.access(() -> {
                    ui.setPollInterval(-1);
                    done.accept(result);
                });
            } catch (RuntimeException error) {
                ui.access(() -> {
                    ui.setPollInterval(-1);
                    progress.setVisible(false);
                    summary.setText(UserMessages.describe(this, error));
                    Notifications.error(UserMessages.describe(this, error));
                });
            }
        });
        CompletableFuture.runAsync(secured, BACKGROUND);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.import") + " | " + getTranslation("app.name");
    }
}
