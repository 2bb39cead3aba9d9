package cn.tzsw.college.notification;

import cn.tzsw.college.certificates.CertificatePdfs;
import org.springframework.stereotype.Component;

/**
 * Makes a mail's attachment from its reference when the mail is sent, so the outbox holds a short reference
 * instead of a copy of every file (a bulk issue of 10,000 certificates would otherwise store 10,000 PDFs twice).
 */
@Component
class Attachments {

    record Attachment(String name, byte[] bytes, String contentType) {
    }

    private final CertificatePdfs certificates;

    Attachments(CertificatePdfs certificates) {
        this.certificates = certificates;
    }

    /** The attachment, or null when what it refers to is gone (the mail then goes without it). */
    Attachment resolve(String ref, String name) {
        if (ref.startsWith("certificate:")) {
            long id = Long.parseLong(ref.substring("certificate:".length()));
            byte[] pdf = certificates.pdf(id).orElse(null);
            return pdf == null ? null : new Attachment(name, pdf, "application/pdf");
        }
        throw new IllegalArgumentException("unknown attachment reference " + ref);
    }
}
