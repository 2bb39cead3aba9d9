package cn.tzsw.college.attendance.ui;

import cn.tzsw.college.attendance.AttendanceRow;
import cn.tzsw.college.attendance.RoomCode;
import cn.tzsw.college.attendance.ViewingSite;
import cn.tzsw.college.attendance.ViewingSites;
import cn.tzsw.college.catalog.CatalogQuery;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.CourseFormat;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.CurrentUser;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.ui.FormErrors;
import cn.tzsw.college.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.data.domain.PageRequest;

/**
 * Group viewing sites (集中收看) for live lectures: a coordinator opens sites inside their region, shows a site's
 * QR for trainees to scan, or records who watched there from the lecture's roster of their region.
 */
@Route("sites")
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
@Menu(title = "nav.sites", order = 25, icon = "vaadin:group")
class ViewingSitesView extends VerticalLayout {

    private static final int LECTURES_SHOWN = 100;

    private final ViewingSites viewingSites;
    private final RegionService regions;
    private final String rootCode;
    private final ComboBox<LectureInfo> lecture = new ComboBox<>();
    private final Div sites = new Div();
    private final Div creation = new Div();

    ViewingSitesView(ViewingSites viewingSites, CatalogService catalog, RegionService regions,
                     AuthenticatedUser authenticatedUser) {
        this.viewingSites = viewingSites;
        this.regions = regions;
        CurrentUser user = authenticatedUser.require();
        this.rootCode = user.is(Role.COORDINATOR) ? user.regionCode() : regions.home().code();
        addClassName("narrow-page");
        lecture.setId("sites-lecture");
        lecture.setLabel(getTranslation("sites.lecture"));
        lecture.setWidthFull();
        lecture.setItems(Stream.of(CourseFormat.LIVE_STREAM, CourseFormat.HYBRID)
                .flatMap(format -> catalog.search(new CatalogQuery("", null, format, null, null, false),
                        PageRequest.of(0, LECTURES_SHOWN)).stream()).toList());
        lecture.setItemLabelGenerator(l -> ChineseDates.format(l.startsAt(), getLocale()) + " " + l.courseTitle());
        lecture.addValueChangeListener(e -> show());
        sites.setId("sites-list");
        add(new H2(getTranslation("sites.title")), new Paragraph(getTranslation("sites.help")), lecture, sites, creation);
    }

    private void show() {
        sites.removeAll();
        creation.removeAll();
        LectureInfo chosen = lecture.getValue();
        if (chosen == null) {
            return;
        }
        List<ViewingSite> list = viewingSites.sites(chosen.id());
        if (list.isEmpty()) {
            sites.add(new Paragraph(getTranslation("sites.none")));
        }
        list.forEach(site -> sites.add(card(site)));
        ViewingSiteForm form = new ViewingSiteForm(regions, rootCode);
        form.addSaveListener(e -> {
            try {
                viewingSites.createSite(chosen.id(), e.data());
                Notifications.success(getTranslation("sites.created"));
                show();
            } catch (RuntimeException error) {
                FormErrors.show(form, form.binder(), error);
            }
        });
        creation.add(new H3(getTranslation("sites.new")), form);
    }

    private Div card(ViewingSite site) {
        Div card = new Div();
        card.addClassName("site-card");
        Button code = new Button(getTranslation("sites.showCode"), e -> codeDialog(site).open());
        code.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button record = new Button(getTranslation("sites.record"), e -> recordDialog(site).open());
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        record.setId("site-record-" + site.id());
        card.add(new H3(site.name()), new Span(regions.displayPath(site.regionCode()) + " · " + site.address()),
                new Paragraph(getTranslation("sites.attendees", site.attendees())), code, record);
        return card;
    }

    private Dialog codeDialog(ViewingSite site) {
        RoomCode code = viewingSites.siteCode(site.id());
        Image qr = new Image(QrSvg.dataUrl(code.checkInUrl()), getTranslation("display.qrAlt"));
        qr.setWidth("min(80vw, 360px)");
        Dialog dialog = new Dialog(site.name());
        dialog.add(new VerticalLayout(qr, new Paragraph(getTranslation("sites.codeHelp"))));
        dialog.getFooter().add(new Button(getTranslation("attendance.cancel"), e -> dialog.close()));
        return dialog;
    }

    private Dialog recordDialog(ViewingSite site) {
        Grid<AttendanceRow> candidates = new Grid<>();
        candidates.setId("site-candidates");
        candidates.setSelectionMode(Grid.SelectionMode.MULTI);
        candidates.addColumn(AttendanceRow::name).setHeader(getTranslation("roster.column.name"));
        candidates.addColumn(AttendanceRow::maskedPhone).setHeader(getTranslation("roster.column.phone"));
        candidates.addColumn(r -> r.status() == null ? "" : getTranslation(r.status().messageKey())
                + (r.siteName() == null ? "" : " · " + r.siteName())).setHeader(getTranslation("attendance.column.status"));
        candidates.setItems(viewingSites.siteCandidates(site.id()));
        Dialog dialog = new Dialog(getTranslation("sites.recordTitle", site.name()));
        dialog.setWidth("min(95vw, 720px)");
        Button save = new Button(getTranslation("sites.recordSave"), e -> {
            int recorded = viewingSites.recordAtSite(site.id(),
                    candidates.getSelectedItems().stream().map(AttendanceRow::traineeId).toList());
            Notifications.success(getTranslation("sites.recorded", recorded));
            dialog.close();
            show();
        });
        save.setId("site-record-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(candidates);
        dialog.getFooter().add(new Button(getTranslation("attendance.cancel"), e -> dialog.close()), save);
        return dialog;
    }
}
