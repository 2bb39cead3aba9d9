package cn.tzsw.college.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.audit.AuditTrail;
import cn.tzsw.college.hours.HoursLedger;
import cn.tzsw.college.hours.HoursSource;
import cn.tzsw.college.security.SystemTasks;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

class CertificateIssueTest extends IntegrationTest {

    static final String VILLAGE = "331002001003";

    @Autowired
    Fixtures fixtures;
    @Autowired
    CertificateQueries certificates;
    @Autowired
    CertificateIssuing issuing;
    @Autowired
    Verifications verifications;
    @Autowired
    BulkIssues bulkIssues;
    @Autowired
    BulkIssueWorker worker;
    @Autowired
    CertificatePdfs pdfs;
    @Autowired
    HoursLedger hoursLedger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    AuditTrail audit;

    long traineeId(String phone) {
        return jdbc.queryForObject("SELECT id FROM trainee WHERE phone = ?", Long.class, phone);
    }

    /** Completions recorded straight into the ledger, as if booked before certificates existed (no event). */
    void completedWithoutEvent(List<String> phones, long lectureId) {
        long courseId = jdbc.queryForObject("SELECT course_id FROM lecture WHERE id = ?", Long.class, lectureId);
        jdbc.batchUpdate("INSERT INTO hours_entry (trainee_id, lecture_id, course_id, title, source, hours, earned_on,"
                        + " recorded_at, recorded_by) VALUES (?, ?, ?, '批量测试课程', 'IN_PERSON', 2.0, CURDATE(), NOW(), 'test')",
                phones.stream().map(p -> new Object[] {traineeId(p), lectureId, courseId}).toList());
    }

    Certificate awaitCertificate(long traineeId, long lectureId) {
        long id = await("a certificate issued").atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "SELECT id FROM certificate WHERE trainee_id = ? AND lecture_id = ?", Long.class, traineeId, lectureId)
                .stream().findFirst(), Optional::isPresent).orElseThrow();
        return SystemTasks.runAsSystem(() -> certificates.find(id)).orElseThrow();
    }

    @Test
    void completing_a_lecture_issues_one_certificate_and_mails_its_pdf() throws Exception {
        String phone = fixtures.trainees(1, VILLAGE, true).getFirst();
        long trainee = traineeId(phone);
        long lecture = fixtures.openLecture(10, Map.of());
        SystemTasks.runAsSystem(() -> hoursLedger.bookLecture(trainee, lecture, HoursSource.IN_PERSON, LocalDate.now()));

        Certificate certificate = awaitCertificate(trainee, lecture);
        assertThat(certificate.serial()).matches("TZSW-\\d{4}-\\d{6}");
        assertThat(certificate.code()).matches("[A-Z2-7]{20}");
        // The event again, or an administrator's click: the same certificate.
        Certificate again = SystemTasks.runAsSystem(() -> issuing.issueCompletion(trainee, lecture));
        assertThat(again.serial()).isEqualTo(certificate.serial());
        assertThat(fixtures.count("SELECT COUNT(*) FROM certificate WHERE trainee_id = ?", trainee)).isEqualTo(1);

        MimeMessage mail = MAIL.await(phone + "@example.cn",
                m -> subject(m).contains("结业证书"), Duration.ofSeconds(30));
        Part attachment = attachment(mail);
        assertThat(attachment.getFileName()).isEqualTo(certificate.serial() + ".pdf");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        attachment.getInputStream().transferTo(bytes);
        try (PDDocument pdf = Loader.loadPDF(bytes.toByteArray())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s", "");
            assertThat(text).contains(certificate.holderName(), certificate.serial(), "2.0");
        }
    }

    @Test
    void a_revoked_certificate_verifies_as_revoked_with_date_and_reason_and_the_trail_records_it() {
        String phone = fixtures.trainees(1, VILLAGE, false).getFirst();
        long lecture = fixtures.openLecture(10, Map.of());
        completedWithoutEvent(List.of(phone), lecture);
        Certificate certificate = SystemTasks.runAsSystem(() -> issuing.issueCompletion(traineeId(phone), lecture));
        assertThat(verifications.verify(certificate.code()).orElseThrow().status()).isEqualTo(CertificateStatus.VALID);

        SystemTasks.runAsSystem(() -> {
            issuing.revoke(certificate.id(), "学时记录有误");
            return null;
        });

        Verification verification = verifications.verify(certificate.printedCode().toLowerCase()).orElseThrow();
        assertThat(verification.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(verification.revokedReason()).isEqualTo("学时记录有误");
        assertThat(verification.revokedAt()).isNotNull();
        assertThat(verification.holderName()).startsWith(certificate.holderName().substring(0, 1)).contains("*");
        assertThat(SystemTasks.runAsSystem(() -> audit.of("certificate", certificate.id())))
                .anyMatch(e -> e.action().equals("certificate.revoke") && e.detail().contains("学时记录有误"));
    }

    @Test
    void a_reissued_certificate_gets_a_new_serial_and_the_old_one_verifies_as_replaced() {
        String phone = fixtures.trainees(1, VILLAGE, false).getFirst();
        long lecture = fixtures.openLecture(10, Map.of());
        completedWithoutEvent(List.of(phone), lecture);
        Certificate old = SystemTasks.runAsSystem(() -> issuing.issueCompletion(traineeId(phone), lecture));

        Certificate replacement = SystemTasks.runAsSystem(() -> issuing.reissue(old.id()));

        assertThat(replacement.serial()).isNotEqualTo(old.serial());
        assertThat(replacement.code()).isNotEqualTo(old.code());
        Verification verification = verifications.verify(old.code()).orElseThrow();
        assertThat(verification.status()).isEqualTo(CertificateStatus.REPLACED);
        assertThat(verification.replacedBy()).isEqualTo(replacement.serial());
        assertThat(verifications.verify(replacement.code()).orElseThrow().status()).isEqualTo(CertificateStatus.VALID);
        // The completion is still certified once: issuing again returns the replacement.
        assertThat(SystemTasks.runAsSystem(() -> issuing.issueCompletion(traineeId(phone), lecture)).id())
                .isEqualTo(replacement.id());
        assertThat(SystemTasks.runAsSystem(() -> audit.of("certificate", old.id())))
                .anyMatch(e -> e.action().equals("certificate.reissue"));
    }

    @Test
    void an_unknown_or_malformed_code_verifies_as_nothing() {
        assertThat(verifications.verify("AAAAAAAAAAAAAAAAAAAA")).isEmpty();
        assertThat(verifications.verify("../etc/passwd")).isEmpty();
        assertThat(verifications.verify(null)).isEmpty();
    }

    @Test
    void fifty_concurrent_issues_get_fifty_distinct_serials_without_gaps() throws Exception {
        List<String> phones = fixtures.trainees(50, VILLAGE, false);
        long lecture = fixtures.openLecture(60, Map.of());
        completedWithoutEvent(phones, lecture);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<Certificate>> tasks = new ArrayList<>();
        for (String phone : phones) {
            long trainee = traineeId(phone);
            tasks.add(() -> SystemTasks.runAsSystem(() -> issuing.issueCompletion(trainee, lecture)));
        }
        List<Integer> numbers = new ArrayList<>();
        try {
            for (Future<Certificate> future : pool.invokeAll(tasks)) {
                numbers.add(Integer.parseInt(future.get().serial().substring(future.get().serial().lastIndexOf('-') + 1)));
            }
        } finally {
            pool.shutdown();
        }
        assertThat(numbers).doesNotHaveDuplicates().hasSize(50);
        assertThat(numbers.stream().mapToInt(i -> i).max().orElseThrow()
                - numbers.stream().mapToInt(i -> i).min().orElseThrow()).as("consecutive").isEqualTo(49);
        // And across everything issued this year: no gap, no duplicate.
        Map<String, Object> year = jdbc.queryForMap("SELECT COUNT(*) n, COUNT(DISTINCT serial_number) d,"
                + " MAX(serial_number) - MIN(serial_number) + 1 span, MAX(serial_number) top FROM certificate"
                + " WHERE serial_year = YEAR(CURDATE())");
        assertThat(((Number) year.get("d")).longValue()).isEqualTo(((Number) year.get("n")).longValue());
        assertThat(((Number) year.get("span")).longValue()).isEqualTo(((Number) year.get("n")).longValue());
        assertThat(((Number) year.get("top")).longValue()).isEqualTo(jdbc.queryForObject(
                "SELECT last_number FROM certificate_serial WHERE serial_year = YEAR(CURDATE())", Long.class));
    }

    @Test
    void a_bulk_run_interrupted_and_restarted_issues_each_certificate_exactly_once() {
        List<String> phones = fixtures.trainees(250, VILLAGE, false);
        long lecture = fixtures.openLecture(300, Map.of());
        completedWithoutEvent(phones, lecture);
        // One of them had a certificate already: the bulk run must not issue a second.
        SystemTasks.runAsSystem(() -> issuing.issueCompletion(traineeId(phones.getFirst()), lecture));
        long job = SystemTasks.runAsSystem(() -> bulkIssues.start(BulkScope.LECTURE, lecture));

        // The process dies in the middle of a chunk: its transaction never commits.
        transactions.executeWithoutResult(status -> {
            SystemTasks.runAsSystem(worker::workChunk);
            status.setRollbackOnly();
        });
        // A chunk completes, then the application "restarts" and the worker resumes until the job is done.
        SystemTasks.runAsSystem(worker::workChunk);
        BulkJob state;
        do {
            SystemTasks.runAsSystem(worker::workChunk);
            state = SystemTasks.runAsSystem(() -> bulkIssues.job(job)).orElseThrow();
        } while (!state.state().finished());

        assertThat(state.state()).isEqualTo(BulkState.DONE);
        assertThat(state.total()).isEqualTo(250);
        assertThat(state.processed()).isEqualTo(250);
        assertThat(state.issued()).isEqualTo(249);
        assertThat(fixtures.count("SELECT COUNT(*) FROM certificate WHERE lecture_id = ?", lecture)).isEqualTo(250);
        assertThat(fixtures.count("SELECT COUNT(DISTINCT trainee_id) FROM certificate WHERE lecture_id = ?", lecture))
                .isEqualTo(250);
    }

    @Test
    void two_bulk_workers_on_one_job_issue_each_certificate_once_with_consecutive_serials() throws Exception {
        List<String> phones = fixtures.trainees(120, VILLAGE, false);
        long lecture = fixtures.openLecture(150, Map.of());
        completedWithoutEvent(phones, lecture);
        long job = SystemTasks.runAsSystem(() -> bulkIssues.start(BulkScope.LECTURE, lecture));
        // Two nodes' workers (besides this application's own scheduled one), working the job at the same time.
        List<BulkIssueWorker> nodes = List.of(onAnotherNode(BulkIssueWorker.class),
                onAnotherNode(BulkIssueWorker.class));
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Callable<Void>> work = nodes.stream().<Callable<Void>>map(node -> () -> {
                while (!SystemTasks.runAsSystem(() -> bulkIssues.job(job)).orElseThrow().state().finished()) {
                    node.workChunk();
                }
                return null;
            }).toList();
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        BulkJob state = SystemTasks.runAsSystem(() -> bulkIssues.job(job)).orElseThrow();
        assertThat(state.state()).isEqualTo(BulkState.DONE);
        assertThat(state.processed()).isEqualTo(120);
        assertThat(state.issued()).isEqualTo(120);
        assertThat(jdbc.queryForMap("SELECT COUNT(*) n, COUNT(DISTINCT trainee_id) trainees FROM certificate"
                + " WHERE lecture_id = ?", lecture)).containsEntry("n", 120L).containsEntry("trainees", 120L);
        // Serials across everything issued this year (other issues ran meanwhile): no gap, no duplicate.
        Map<String, Object> year = jdbc.queryForMap("SELECT COUNT(*) n, COUNT(DISTINCT serial_number) d,"
                + " MAX(serial_number) - MIN(serial_number) + 1 span FROM certificate WHERE serial_year = YEAR(CURDATE())");
        assertThat(((Number) year.get("d")).longValue()).isEqualTo(((Number) year.get("n")).longValue());
        assertThat(((Number) year.get("span")).longValue()).as("consecutive").isEqualTo(((Number) year.get("n")).longValue());
    }

    @Test
    void the_bulk_worker_issues_without_a_signed_in_user_and_names_the_system_as_issuer() {
        List<String> phones = fixtures.trainees(3, VILLAGE, false);
        long lecture = fixtures.openLecture(10, Map.of());
        completedWithoutEvent(phones, lecture);
        long job = SystemTasks.runAsSystem(() -> bulkIssues.start(BulkScope.LECTURE, lecture));

        // As on the scheduler's thread: nobody is signed in.
        BulkJob state;
        do {
            worker.workChunk();
            state = SystemTasks.runAsSystem(() -> bulkIssues.job(job)).orElseThrow();
        } while (!state.state().finished());

        assertThat(state.state()).isEqualTo(BulkState.DONE);
        assertThat(jdbc.queryForList("SELECT issued_by FROM certificate WHERE lecture_id = ?", String.class, lecture))
                .hasSize(3).containsOnly("system");
    }

    @Test
    void a_pdf_for_a_mail_is_rendered_without_a_signed_in_user_and_a_missing_certificate_gives_none() {
        List<String> phones = fixtures.trainees(1, VILLAGE, false);
        long lecture = fixtures.openLecture(10, Map.of());
        completedWithoutEvent(phones, lecture);
        long trainee = traineeId(phones.getFirst());
        Certificate certificate = SystemTasks.runAsSystem(() -> issuing.issueCompletion(trainee, lecture));

        assertThat(pdfs.pdf(certificate.id())).hasValueSatisfying(pdf -> assertThat(pdf).startsWith("%PDF".getBytes()));
        assertThat(pdfs.pdf(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void a_trainee_downloads_their_own_certificates_and_hours_record_but_not_anyone_elses() throws Exception {
        List<String> phones = fixtures.trainees(2, VILLAGE, false);
        long lecture = fixtures.openLecture(10, Map.of());
        completedWithoutEvent(phones, lecture);
        Certificate mine = SystemTasks.runAsSystem(() -> issuing.issueCompletion(traineeId(phones.get(0)), lecture));
        Certificate theirs = SystemTasks.runAsSystem(() -> issuing.issueCompletion(traineeId(phones.get(1)), lecture));

        assertThat(fixtures.as(phones.get(0), certificates::mine)).extracting(Certificate::serial)
                .containsExactly(mine.serial());
        assertThat(fixtures.as(phones.get(0), () -> certificates.pdf(mine.id()))).startsWith("%PDF".getBytes());
        assertThatThrownBy(() -> fixtures.as(phones.get(0), () -> certificates.pdf(theirs.id())))
                .isInstanceOf(AccessDeniedException.class);

        int year = LocalDate.now().getYear();
        Certificate record = fixtures.as(phones.get(0), () -> issuing.issueMyHoursRecord(year));
        assertThat(record.kind()).isEqualTo(CertificateKind.HOURS_RECORD);
        assertThat(record.lines()).hasSize(1);
        assertThat(record.hours()).isEqualByComparingTo("2.0");
        // Asking twice for the same statement gives the same record.
        assertThat(fixtures.as(phones.get(0), () -> issuing.issueMyHoursRecord(year)).serial())
                .isEqualTo(record.serial());
        byte[] pdf = fixtures.as(phones.get(0), () -> certificates.pdf(record.id()));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s", ""))
                    .contains("批量测试课程", "现场", record.serial(), year + "年度");
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    private static Part attachment(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
        }
        return Optional.<Part>empty().orElseThrow();
    }
}
