package cn.tzsw.college.certificates;

import cn.tzsw.college.certificates.domain.CertificateStore;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certificate PDFs for machine callers (the mail dispatcher attaching one to the holder's mail), which work without
 * a signed-in user. No role check, on purpose; people download through {@link CertificateQueries#pdf}.
 */
@Component
@Transactional(readOnly = true)
public class CertificatePdfs {

    private final CertificateStore store;
    private final CertificateRenderer renderer;

    CertificatePdfs(CertificateStore store, CertificateRenderer renderer) {
        this.store = store;
        this.renderer = renderer;
    }

    /** The PDF, or empty when the certificate is gone. */
    public Optional<byte[]> pdf(long certificateId) {
        return store.find(certificateId).map(renderer::render);
    }
}
