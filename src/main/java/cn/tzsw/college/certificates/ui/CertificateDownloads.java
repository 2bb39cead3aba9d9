package cn.tzsw.college.certificates.ui;

import cn.tzsw.college.certificates.Certificate;
import cn.tzsw.college.certificates.CertificateQueries;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;

/** A download link for a certificate's PDF, rendered when the link is followed (through the secured service). */
final class CertificateDownloads {

    private CertificateDownloads() {
    }

    static Anchor link(CertificateQueries certificates, Certificate certificate, String label) {
        long id = certificate.id();
        String name = CertificateQueries.fileName(certificate);
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = certificates.pdf(id);
            return new DownloadResponse(new ByteArrayInputStream(pdf), name, "application/pdf", pdf.length);
        }), AttachmentType.DOWNLOAD, "");
        anchor.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span(label));
        anchor.addClassName("download-link");
        anchor.getElement().setAttribute("data-serial", certificate.serial());
        return anchor;
    }
}
