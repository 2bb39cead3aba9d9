package cn.tzsw.college.catalog.ui;

import cn.tzsw.college.catalog.CourseAdminService;
import cn.tzsw.college.catalog.CourseStatus;
import cn.tzsw.college.catalog.CourseSummary;
import cn.tzsw.college.catalog.LectureData;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.catalog.LectureStatus;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.ui.FormErrors;
import cn.tzsw.college.ui.GridColumns;
import cn.tzsw.college.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import jakarta.validation.ConstraintViolationException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

/** The lectures (课次) of one course: schedule, change, cancel, and the way to each roster. */
class LecturesPanel extends VerticalLayout {

    private final CourseAdminService courses;
    private final RegionService regions;
    /** The college's time zone: the server may run in UTC while the lectures are in Beijing time. */
    private final Clock clock;
    private final H3 heading = new H3();
    private final Grid<LectureInfo> grid = new Grid<>();
    private final Button schedule;
    private final Button edit;
    private final Button cancel;
    private final Button roster;
    private CourseSummary course;

    LecturesPanel(CourseAdminService courses, RegionService regions, Clock clock) {
        this.courses = courses;
        this.regions = regions;
        this.clock = clock;
        setPadding(false);
        addClassName("lectures-panel");
        setId("lectures-panel");

        schedule = new Button(getTranslation("courseAdmin.lecture.schedule"), VaadinIcon.PLUS.create(),
                e -> openLectureDialog(null));
        schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        schedule.setId("schedule-lecture");
        edit = new Button(getTranslation("courseAdmin.lecture.edit"), VaadinIcon.EDIT.create(),
                e -> selected().ifPresent(this::openLectureDialog));
        edit.setId("edit-lecture");
        cancel = new Button(getTranslation("courseAdmin.lecture.cancel"), VaadinIcon.BAN.create(),
                e -> selected().ifPresent(this::confirmCancel));
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.setId("cancel-lecture");
        roster = new Button(getTranslation("courseAdmin.lecture.roster"), VaadinIcon.USERS.create(),
                e -> selected().ifPresent(lecture -> getUI().ifPresent(ui -> ui.navigate(rosterRoute(lecture.id())))));
        roster.setId("lecture-roster");

        grid.setId("lecture-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(l -> ChineseDates.format(l.startsAt(), getLocale()))
                .setHeader(getTranslation("lectureForm.startsAt"))
                .setAutoWidth(true);
        grid.addColumn(l -> ChineseDates.format(l.endsAt(), getLocale()))
                .setHeader(getTranslation("lectureForm.endsAt"))
                .setAutoWidth(true);
        Grid.Column<LectureInfo> venue = grid
                .addColumn(l -> l.venue() != null ? l.venue() : getTranslation("courseAdmin.lecture.online"))
                .setHeader(getTranslation("lectureForm.venue"));
        grid.addColumn(LectureInfo::capacity).setHeader(getTranslation("lectureForm.capacity")).setAutoWidth(true);
        grid.addColumn(LectureInfo::taken).setHeader(getTranslation("courseAdmin.lecture.taken")).setAutoWidth(true);
        grid.addColumn(LectureInfo::seatsLeft).setHeader(getTranslation("courseAdmin.lecture.seatsLeft")).setAutoWidth(true);
        grid.addColumn(l -> getTranslation(l.availability(LocalDateTime.now(clock)).messageKey()))
                .setHeader(getTranslation("courseAdmin.status")).setAutoWidth(true);
        GridColumns.onlyGrow(grid, venue);
        grid.addItemDoubleClickListener(e -> openLectureDialog(e.getItem()));
        grid.addSelectionListener(e -> updateButtons());

        FlexLayout toolbar = new FlexLayout(schedule, edit, cancel, roster);
        toolbar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        toolbar.addClassName("filters");
        add(heading, toolbar, grid);
        setVisible(false);
    }

    /** Shows the lectures of the course, or hides the panel for none. */
    void show(CourseSummary course) {
        this.course = course;
        setVisible(course != null);
        if (course != null) {
            heading.setText(getTranslation("courseAdmin.lectures.of", course.title()));
            refresh();
        }
    }

    private void refresh() {
        grid.setItems(courses.lectures(course.id()));
        updateButtons();
    }

    private void updateButtons() {
        Optional<LectureInfo> lecture = selected();
        boolean scheduled = lecture.map(l -> l.status() == LectureStatus.SCHEDULED).orElse(false);
        schedule.setEnabled(course != null && course.status() != CourseStatus.ARCHIVED);
        edit.setEnabled(scheduled);
        cancel.setEnabled(scheduled);
        roster.setEnabled(lecture.isPresent());
    }

    private Optional<LectureInfo> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private void openLectureDialog(LectureInfo lecture) {
        if (lecture != null && lecture.status() == LectureStatus.CANCELLED) {
            return;
        }
        LectureData data = lecture == null ? LectureForm.defaults(LocalDateTime.now(clock)) : courses.editLecture(lecture.id());
        Dialog dialog = new Dialog(getTranslation(lecture == null ? "courseAdmin.lecture.schedule" : "courseAdmin.lecture.edit")
                + " · " + course.title());
        dialog.setWidth("min(860px, 100vw)");
        LectureForm form = new LectureForm(data, regions, lecture != null, lecture != null && lecture.taken() > 0);
        form.addSaveListener(event -> {
            try {
                if (lecture == null) {
                    courses.scheduleLecture(course.id(), event.data());
                    Notifications.success(getTranslation("courseAdmin.lecture.scheduled"));
                } else {
                    courses.updateLecture(lecture.id(), event.data(), event.moveOverflowToWaitlist());
                    Notifications.success(getTranslation("courseAdmin.lecture.saved"));
                }
                dialog.close();
                refresh();
            } catch (BusinessRuleException | ConstraintViolationException e) {
                FormErrors.show(form, form.binder(), e);
            }
        });
        dialog.add(form);
        dialog.getFooter().add(form.footer(new Button(getTranslation("action.cancel"), e -> dialog.close())));
        dialog.open();
    }

    private void confirmCancel(LectureInfo lecture) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("courseAdmin.lecture.cancel.header"));
        confirm.setText(getTranslation("courseAdmin.lecture.cancel.text",
                ChineseDates.format(lecture.startsAt(), getLocale()), lecture.taken()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("courseAdmin.lecture.cancel.keep"));
        confirm.setConfirmText(getTranslation("courseAdmin.lecture.cancel.confirm"));
        confirm.setConfirmButtonTheme("error primary");
        // A refusal thrown here reaches the user through the app's error handler, as a notification.
        confirm.addConfirmListener(e -> {
            courses.cancelLecture(lecture.id());
            Notifications.success(getTranslation("courseAdmin.lecture.cancelled"));
            refresh();
        });
        confirm.open();
    }

    /** The roster view lives in the registration capability, which the catalogue must not depend on. */
    private static String rosterRoute(long lectureId) {
        return "admin/lectures/" + lectureId + "/roster";
    }
}
