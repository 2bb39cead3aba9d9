package cn.tzsw.college.certificates;

import cn.tzsw.college.certificates.domain.CertificateStore;
import cn.tzsw.college.security.AuthenticatedUser;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.trainees.TraineeService;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certificates as the signed-in read them: the administrators' search, a trainee's own list, and the PDF, which
 * is rendered from the stored record on each download (see {@link CertificateIssuing} for why).
 */
@Service
@Transactional(readOnly = true)
public class CertificateQueries {

    private final CertificateStore store;
    private final CertificateRenderer renderer;
    private final TraineeService trainees;
    private final AuthenticatedUser authenticatedUser;

    CertificateQueries(CertificateStore store, CertificateRenderer renderer, TraineeService trainees,
                       AuthenticatedUser authenticatedUser) {
        this.store = store;
        this.renderer = renderer;
        this.trainees = trainees;
        this.authenticatedUser = authenticatedUser;
    }

    /** Certificates whose serial or holder's name starts with the text, newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    public Page<Certificate> search(String text, Pageable pageable) {
        String query = text == null ? "" : text.strip();
        return new PageImpl<>(store.search(query, pageable.getPageSize(), pageable.getOffset()), pageable,
                store.count(query));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Optional<Certificate> find(long certificateId) {
        return store.find(certificateId);
    }

    /** The signed-in trainee's certificates, newest first. */
    @PreAuthorize("hasRole('TRAINEE')")
    public List<Certificate> mine() {
        return trainees.mine().map(me -> store.byTrainee(me.id())).orElse(List.of());
    }

    /** A trainee's certificates, newest first: administrators, and coordinators inside their region. */
    @PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
    public List<Certificate> ofTrainee(long traineeId) {
        trainees.get(traineeId); // in scope, or the same refusal as for a missing trainee
        return store.byTrainee(traineeId);
    }

    /** The PDF, for administrators and for the holder. */
    @PreAuthorize("hasAnyRole('ADMIN','TRAINEE')")
    public byte[] pdf(long certificateId) {
        Certificate certificate = store.find(certificateId)
                .orElseThrow(() -> new AccessDeniedException("certificate not accessible"));
        if (authenticatedUser.require().role() == Role.TRAINEE
                && trainees.mine().map(me -> me.id() != certificate.traineeId()).orElse(true)) {
            throw new AccessDeniedException("certificate not accessible");
        }
        return renderer.render(certificate);
    }

    /** The PDF's file name: its serial. */
    public static String fileName(Certificate certificate) {
        return certificate.serial() + ".pdf";
    }
}
