package cn.tzsw.college.attendance.ui;

import cn.tzsw.college.attendance.CheckIns;
import cn.tzsw.college.attendance.RoomCode;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.ChineseDates;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;

/**
 * The lecture-room display for the projector: a large QR code that changes with every code slot (about 30 s)
 * and the six digits to type instead. Full screen, no menu.
 */
@Route(value = "admin/lectures/:lectureId/display", autoLayout = false)
@RolesAllowed({Role.Names.ADMIN, Role.Names.INSTRUCTOR})
class RoomDisplayView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final int POLL_MILLIS = 2_000;

    private final CheckIns checkIns;
    private final CatalogService catalog;
    private final Clock clock;
    private final Image qr = new Image();
    private final Span shortCode = new Span();
    private final H1 heading = new H1();
    private final Paragraph when = new Paragraph();
    private long lectureId;
    private Instant changesAt = Instant.MIN;
    private Registration polling;

    RoomDisplayView(CheckIns checkIns, CatalogService catalog, Clock clock) {
        this.checkIns = checkIns;
        this.catalog = catalog;
        this.clock = clock;
        addClassName("room-display");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        qr.setId("room-qr");
        qr.setAlt(getTranslation("display.qrAlt"));
        shortCode.setId("room-code");
        shortCode.addClassName("room-code");
        Div code = new Div(new Span(getTranslation("display.typeCode")), shortCode);
        code.addClassName("room-code-box");
        add(heading, when, qr, code, new Paragraph(getTranslation("display.instructions")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        LectureInfo lecture = event.getRouteParameters().get("lectureId").filter(v -> v.matches("\\d{1,18}"))
                .map(Long::valueOf).flatMap(catalog::find).orElseThrow(NotFoundException::new);
        lectureId = lecture.id();
        heading.setText(lecture.courseTitle());
        when.setText(ChineseDates.format(lecture.startsAt(), getLocale()) + " – "
                + ChineseDates.format(lecture.endsAt(), getLocale())
                + (lecture.venue() == null ? "" : " · " + lecture.venue()));
        refresh();
    }

    private void refresh() {
        RoomCode code = checkIns.roomCode(lectureId);
        changesAt = code.changesAt();
        qr.setSrc(QrSvg.dataUrl(code.checkInUrl()));
        qr.getElement().setAttribute("data-url", code.checkInUrl());
        shortCode.setText(code.shortCode());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(POLL_MILLIS);
        polling = event.getUI().addPollListener(e -> {
            if (!clock.instant().isBefore(changesAt)) {
                refresh();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("display.title") + " · " + heading.getText();
    }
}
