package cn.tzsw.college.attendance.ui;

import cn.tzsw.college.attendance.AttendanceMarks;
import cn.tzsw.college.attendance.AttendanceRow;
import cn.tzsw.college.attendance.AttendanceStatus;
import cn.tzsw.college.attendance.LectureMedia;
import cn.tzsw.college.attendance.LectureSetup;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.shared.LectureState;
import cn.tzsw.college.shared.LectureStates;
import cn.tzsw.college.ui.Durations;
import cn.tzsw.college.ui.GridColumns;
import cn.tzsw.college.ui.LectureStateBadge;
import cn.tzsw.college.ui.Notifications;
import cn.tzsw.college.ui.UploadTexts;
import cn.tzsw.college.ui.UserMessages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;

/**
 * A lecture's attendance for administrators: the sheet (registered trainees and anyone else with a mark), marks
 * by hand with a reason, the room display, walk-ins, and the recorded video.
 */
@Route("admin/lectures/:lectureId/attendance")
@RolesAllowed(Role.Names.ADMIN)
class AttendanceSheetView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AttendanceMarks marks;
    private final LectureSetup setup;
    private final CatalogService catalog;
    private final RegionService regions;
    private final Map<String, String> regionNames = new HashMap<>();
    private final H2 heading = new H2();
    private final Grid<AttendanceRow> grid = new Grid<>();
    private final Checkbox walkIns = new Checkbox();
    private final Span video = new Span();
    private final LectureStates states;
    /** The state of each trainee on the pages fetched so far: the grid asks once per page. */
    private final Map<Long, LectureState> pageStates = new HashMap<>();
    private LectureInfo lecture;

    AttendanceSheetView(AttendanceMarks marks, LectureSetup setup, CatalogService catalog, RegionService regions,
                        LectureStates states) {
        this.marks = marks;
        this.states = states;
        this.setup = setup;
        this.catalog = catalog;
        this.regions = regions;
        setSizeFull();
        grid.setId("attendance-grid");
        grid.addColumn(AttendanceRow::name).setHeader(getTranslation("roster.column.name")).setAutoWidth(true);
        grid.addColumn(AttendanceRow::maskedPhone).setHeader(getTranslation("roster.column.phone")).setAutoWidth(true);
        Grid.Column<AttendanceRow> region = grid.addColumn(r -> regionNames.computeIfAbsent(r.regionCode(),
                        regions::displayPath))
                .setHeader(getTranslation("roster.column.region"));
        grid.addComponentColumn(r -> pageStates.containsKey(r.traineeId())
                        ? new LectureStateBadge(pageStates.get(r.traineeId())) : new Span())
                .setHeader(getTranslation("lectureState.column")).setAutoWidth(true);
        grid.addColumn(r -> r.status() == null ? getTranslation("attendance.none") : getTranslation(r.status().messageKey()))
                .setHeader(getTranslation("attendance.column.status")).setAutoWidth(true);
        grid.addColumn(r -> r.method() == null ? "" : getTranslation(r.method().messageKey())
                        + (r.siteName() == null ? "" : " · " + r.siteName()))
                .setHeader(getTranslation("attendance.column.method")).setAutoWidth(true);
        grid.addColumn(r -> r.recordedAt() == null ? "" : ChineseDates.format(r.recordedAt(), getLocale()))
                .setHeader(getTranslation("attendance.column.recordedAt")).setAutoWidth(true);
        Grid.Column<AttendanceRow> reason = grid.addColumn(r -> r.reason() == null ? "" : r.reason())
                .setHeader(getTranslation("attendance.column.reason"));
        grid.addComponentColumn(r -> {
            Button mark = new Button(getTranslation("attendance.mark"), e -> markDialog(r).open());
            mark.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return mark;
        }).setAutoWidth(true);
        GridColumns.onlyGrow(grid, region, reason);

        walkIns.setLabel(getTranslation("attendance.walkIns"));
        walkIns.setId("attendance-walk-ins");
        walkIns.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                setup.allowWalkIns(lecture.id(), e.getValue());
                Notifications.success(getTranslation("attendance.saved"));
            }
        });
        video.setId("attendance-video");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        lecture = event.getRouteParameters().get("lectureId").filter(v -> v.matches("\\d{1,18}"))
                .map(Long::valueOf).flatMap(catalog::find).orElseThrow(NotFoundException::new);
        // Another organiser's lecture: the service refuses, and the router shows the access-denied page.
        marks.sheet(lecture.id(), PageRequest.of(0, 1));
        heading.setText(getTranslation("attendance.title", lecture.courseTitle()));
        grid.setItems(query -> {
            List<AttendanceRow> page = marks.sheet(lecture.id(),
                    PageRequest.of(query.getPage(), query.getPageSize())).getContent();
            pageStates.putAll(states.ofLecture(lecture.id(), page.stream().map(AttendanceRow::traineeId).toList()));
            return page.stream();
        });
        Anchor display = new Anchor("admin/lectures/" + lecture.id() + "/display", getTranslation("attendance.display"));
        display.setTarget("_blank");
        display.setId("attendance-display");
        Anchor roster = new Anchor("admin/lectures/" + lecture.id() + "/roster", getTranslation("lecture.roster"));
        FlexLayout toolbar = new FlexLayout(display, roster, walkIns);
        toolbar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        toolbar.addClassName("filters");
        removeAll();
        add(heading, toolbar, videoPanel(), grid);
        setFlexGrow(1, grid);
        showMedia();
    }

    private VerticalLayout videoPanel() {
        Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            UI ui = UI.getCurrent();
            try (InputStream in = new FileInputStream(file)) {
                setup.uploadVideo(lecture.id(), metadata.fileName(), in);
                ui.access(() -> {
                    Notifications.success(getTranslation("attendance.video.uploaded"));
                    showMedia();
                });
            } catch (BusinessRuleException | IOException e) {
                ui.access(() -> Notifications.error(UserMessages.describe(this, e)));
            } finally {
                file.delete();
            }
        }));
        upload.setId("attendance-upload");
        upload.setAcceptedFileTypes("video/mp4", ".mp4");
        upload.setMaxFiles(1);
        UploadTexts.apply(upload);
        upload.addFileRejectedListener(e -> Notifications.error(getTranslation("attendance.video.notMp4")));

        TextField url = new TextField(getTranslation("attendance.video.url"));
        url.setPlaceholder("https://");
        IntegerField minutes = new IntegerField(getTranslation("attendance.video.minutes"));
        minutes.setMin(1);
        Button link = new Button(getTranslation("attendance.video.link"), e -> {
            try {
                setup.linkVideo(lecture.id(), url.getValue(), minutes.getValue() == null ? 0 : minutes.getValue() * 60);
                Notifications.success(getTranslation("attendance.saved"));
                showMedia();
            } catch (BusinessRuleException ex) {
                Notifications.error(UserMessages.describe(this, ex));
            }
        });
        FlexLayout linkRow = new FlexLayout(url, minutes, link);
        linkRow.setAlignItems(Alignment.BASELINE);
        linkRow.addClassName("filters");
        VerticalLayout panel = new VerticalLayout(new H3(getTranslation("attendance.video.title")), video, upload, linkRow);
        panel.setPadding(false);
        return panel;
    }

    private void showMedia() {
        LectureMedia media = setup.media(lecture.id());
        walkIns.setValue(media.walkInsAllowed());
        video.setText(!media.hasVideo() ? getTranslation("attendance.video.nothing")
                : getTranslation("attendance.video.current", media.hasUploadedVideo() ? media.videoName() : media.videoUrl(),
                Durations.format(this, media.videoSeconds())));
    }

    private Dialog markDialog(AttendanceRow row) {
        Dialog dialog = new Dialog(getTranslation("attendance.markTitle", row.name()));
        Select<AttendanceStatus> status = new Select<>();
        status.setId("mark-status");
        status.setLabel(getTranslation("attendance.column.status"));
        status.setItems(AttendanceStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        status.setValue(row.status() == null ? AttendanceStatus.PRESENT : row.status());
        TextField reason = new TextField(getTranslation("attendance.column.reason"));
        reason.setId("mark-reason");
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(200);
        reason.setWidthFull();
        Button save = new Button(getTranslation("attendance.save"), e -> {
            try {
                marks.mark(lecture.id(), row.traineeId(), status.getValue(), reason.getValue());
                dialog.close();
                grid.getDataProvider().refreshAll();
                Notifications.success(getTranslation("attendance.saved"));
            } catch (BusinessRuleException ex) {
                reason.setInvalid(true);
                reason.setErrorMessage(UserMessages.describe(this, ex));
            }
        });
        save.setId("mark-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(status, reason));
        dialog.getFooter().add(new Button(getTranslation("attendance.cancel"), e -> dialog.close()), save);
        return dialog;
    }

    @Override
    public String getPageTitle() {
        return lecture == null ? "" : getTranslation("attendance.title", lecture.courseTitle());
    }
}
