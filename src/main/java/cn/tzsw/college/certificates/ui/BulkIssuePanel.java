package cn.tzsw.college.certificates.ui;

import cn.tzsw.college.catalog.CourseAdminService;
import cn.tzsw.college.catalog.CourseSummary;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.certificates.BulkIssues;
import cn.tzsw.college.certificates.BulkJob;
import cn.tzsw.college.certificates.BulkScope;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.ui.Notifications;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/**
 * Bulk issue: choose a course (and optionally one of its lectures), start, and watch the progress of the recent
 * runs. The work happens in the background worker; this panel only polls the job rows while one is unfinished.
 */
class BulkIssuePanel extends Div {

    private static final int POLL_MILLIS = 1000;

    private final BulkIssues bulkIssues;
    private final CourseAdminService courses;
    private final Runnable onProgress;
    private final VerticalLayout jobs = new VerticalLayout();
    private Registration pollRegistration;

    BulkIssuePanel(BulkIssues bulkIssues, CourseAdminService courses, Runnable onProgress) {
        this.bulkIssues = bulkIssues;
        this.courses = courses;
        this.onProgress = onProgress;
        setId("bulk-jobs");
        addClassName("bulk-jobs");
        jobs.setPadding(false);
        jobs.setSpacing(false);
        add(jobs);
    }

    void openChooser() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("certificateAdmin.bulk"));
        ComboBox<CourseSummary> course = new ComboBox<>(getTranslation("certificateAdmin.bulk.course"));
        course.setId("bulk-course");
        course.setItemLabelGenerator(CourseSummary::title);
        course.setItems(query -> courses.courses(query.getFilter().orElse(""),
                org.springframework.data.domain.PageRequest.of(query.getPage(), query.getPageSize())).stream());
        course.setWidthFull();
        ComboBox<LectureInfo> lecture = new ComboBox<>(getTranslation("certificateAdmin.bulk.lecture"));
        lecture.setId("bulk-lecture");
        lecture.setPlaceholder(getTranslation("certificateAdmin.bulk.allLectures"));
        lecture.setItemLabelGenerator(l -> ChineseDates.format(l.startsAt(), getLocale())
                + (l.venue() == null ? "" : " · " + l.venue()));
        lecture.setClearButtonVisible(true);
        lecture.setWidthFull();
        course.addValueChangeListener(e -> {
            lecture.clear();
            lecture.setItems(e.getValue() == null ? List.of() : courses.lectures(e.getValue().id()));
        });
        Button start = new Button(getTranslation("certificateAdmin.bulk.start"), e -> {
            if (course.getValue() == null) {
                course.setInvalid(true);
                course.setErrorMessage(getTranslation("certificateAdmin.bulk.chooseCourse"));
                return;
            }
            long id = lecture.getValue() != null ? bulkIssues.start(BulkScope.LECTURE, lecture.getValue().id())
                    : bulkIssues.start(BulkScope.COURSE, course.getValue().id());
            Notifications.success(getTranslation("certificateAdmin.bulk.started", id));
            dialog.close();
            refresh();
        });
        start.setId("bulk-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(course, lecture, new Span(getTranslation("certificateAdmin.bulk.help"))));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), start);
        dialog.setWidth("34em");
        dialog.open();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling(event.getUI());
    }

    private void refresh() {
        jobs.removeAll();
        List<BulkJob> recent = bulkIssues.recent(3);
        boolean running = recent.stream().anyMatch(job -> !job.state().finished());
        for (BulkJob job : recent) {
            ProgressBar bar = new ProgressBar(0, 1, job.progress());
            bar.addClassName("bulk-progress");
            Span label = new Span(getTranslation("certificateAdmin.bulk.job", job.subjectTitle(),
                    getTranslation(job.state().messageKey()), job.processed(), job.total(), job.issued()));
            label.addClassName("bulk-label");
            Div row = new Div(label, bar);
            row.addClassName("bulk-job");
            row.getElement().setAttribute("data-state", job.state().name());
            jobs.add(row);
        }
        getUI().ifPresent(ui -> {
            if (running) {
                startPolling(ui);
            } else {
                stopPolling(ui);
            }
        });
    }

    private void startPolling(UI ui) {
        if (pollRegistration == null) {
            ui.setPollInterval(POLL_MILLIS);
            pollRegistration = ui.addPollListener(e -> {
                refresh();
                onProgress.run();
            });
        }
    }

    private void stopPolling(UI ui) {
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
            ui.setPollInterval(-1);
        }
    }
}
