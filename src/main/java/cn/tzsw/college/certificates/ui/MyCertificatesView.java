package cn.tzsw.college.certificates.ui;

import cn.tzsw.college.certificates.Certificate;
import cn.tzsw.college.certificates.CertificateIssuing;
import cn.tzsw.college.certificates.CertificateKind;
import cn.tzsw.college.certificates.CertificateQueries;
import cn.tzsw.college.certificates.CertificateStatus;
import cn.tzsw.college.hours.HoursLedger;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.shared.LectureProgress;
import cn.tzsw.college.shared.LectureStates;
import cn.tzsw.college.ui.LectureStateBadge;
import cn.tzsw.college.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/** 我的证书: the trainee's certificates with downloads, and an hours record on request. */
@Route("my/certificates")
@RolesAllowed(Role.Names.TRAINEE)
@Menu(title = "nav.myCertificates", order = 16, icon = "vaadin:diploma")
class MyCertificatesView extends VerticalLayout implements HasDynamicTitle {

    private final CertificateQueries certificates;
    private final LectureStates states;
    private final Clock clock;
    private final Div list = new Div();

    MyCertificatesView(CertificateQueries certificates, CertificateIssuing issuing, HoursLedger ledger,
                       LectureStates states, Clock clock) {
        this.certificates = certificates;
        this.states = states;
        this.clock = clock;
        addClassNames("narrow-page", "trainee-cards");
        list.setId("my-certificates");

        int thisYear = LocalDate.now(clock).getYear();
        Select<Integer> year = new Select<>();
        year.setId("hours-record-year");
        // 0 stands for the current registration period, offered only to those who have one (a certificate level);
        // the others are calendar years.
        boolean hasPeriod = ledger.myProgress().map(p -> p.period() != null).orElse(false);
        year.setItems(IntStream.rangeClosed(hasPeriod ? 0 : 1, 5).mapToObj(i -> i == 0 ? 0 : thisYear - i + 1).toList());
        year.setValue(hasPeriod ? 0 : thisYear);
        year.setItemLabelGenerator(y -> y == 0 ? getTranslation("myCertificates.currentPeriod")
                : getTranslation("myCertificates.year", String.valueOf(y)));
        year.setLabel(getTranslation("myCertificates.hoursRecordFor"));
        Button request = new Button(getTranslation("myCertificates.requestHoursRecord"), VaadinIcon.FILE_TEXT.create(),
                e -> {
                    Certificate issued = issuing.issueMyHoursRecord(year.getValue() == 0 ? null : year.getValue());
                    Notifications.success(getTranslation("myCertificates.hoursRecordReady", issued.serial()));
                    refresh();
                });
        request.setId("request-hours-record");
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout hoursRecord = new FlexLayout(year, request);
        hoursRecord.setAlignItems(Alignment.BASELINE);
        hoursRecord.addClassName("filters");

        add(new H2(getTranslation("nav.myCertificates")), list,
                new H3(getTranslation("myCertificates.hoursRecord")),
                new Paragraph(getTranslation("myCertificates.hoursRecordHelp")), hoursRecord);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        List<Certificate> mine = certificates.mine();
        if (mine.isEmpty()) {
            list.add(new Paragraph(getTranslation("myCertificates.none")));
        }
        LocalDate today = LocalDate.now(clock);
        Map<Long, LectureProgress> lectures = states.mine(mine.stream().map(Certificate::lectureId)
                .filter(Objects::nonNull).toList());
        for (Certificate certificate : mine) {
            CertificateStatus status = certificate.status(today);
            Span badge = new Span(getTranslation(status.messageKey()));
            badge.getElement().getThemeList().add(status == CertificateStatus.VALID ? "badge success pill"
                    : "badge error pill");
            Span title = new Span(certificate.kind() == CertificateKind.COMPLETION ? certificate.title()
                    : getTranslation("myCertificates.hoursRecordTitle", certificate.title()));
            title.addClassName("certificate-title");
            Div head = new Div(title, badge);
            LectureProgress lecture = certificate.lectureId() == null ? null : lectures.get(certificate.lectureId());
            if (lecture != null) {
                head.add(new LectureStateBadge(lecture.state()));
            }
            head.addClassName("lecture-card-head");
            Div meta = new Div(new Span(getTranslation(certificate.kind().messageKey())),
                    new Span(getTranslation("certificate.serialLabel", certificate.serial())),
                    new Span(getTranslation("certificate.hoursLabel", certificate.hours().toPlainString())),
                    new Span(getTranslation("certificate.issuedLabel",
                            ChineseDates.format(certificate.issuedOn(), getLocale()))));
            meta.addClassName("lecture-card-meta");
            Div card = new Div(head, meta);
            if (status != CertificateStatus.REPLACED) {
                var download = CertificateDownloads.link(certificates, certificate, getTranslation("certificate.download"));
                download.addClassName("card-action");
                card.add(download);
            }
            if (certificate.lectureId() != null) {
                card.getElement().setAttribute("data-lecture", String.valueOf(certificate.lectureId()));
            }
            card.addClassName("lecture-card");
            card.addClassName("certificate-card");
            list.add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.myCertificates") + " | " + getTranslation("app.name");
    }
}
