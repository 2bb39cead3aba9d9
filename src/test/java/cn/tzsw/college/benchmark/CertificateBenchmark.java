package cn.tzsw.college.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.certificates.Certificate;
import cn.tzsw.college.certificates.CertificateIssuing;
import cn.tzsw.college.certificates.CertificateQueries;
import cn.tzsw.college.certificates.CertificateRenderer;
import cn.tzsw.college.security.SystemTasks;
import cn.tzsw.college.shared.ChineseFont;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 6's benchmark: 1,000 completion certificates issued through the real service, then their PDFs rendered by
 * the renderer the application uses (downloads and mails), on one thread and on all cores, side by side with the
 * fastest bare page OpenPDF makes with the same embedded font subset (the same Chinese text), in the same run.
 * Run: ./mvnw test -Pbenchmark -Dtest=CertificateBenchmark
 */
class CertificateBenchmark extends IntegrationTest {

    static final int CERTIFICATES = 1_000;
    static final String VILLAGE = "331002001003";

    @Autowired
    Fixtures fixtures;
    @Autowired
    CertificateQueries certificates;
    @Autowired
    CertificateIssuing issuing;
    @Autowired
    CertificateRenderer renderer;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void certificates_per_second_against_a_bare_page_with_the_same_font() throws Exception {
        List<String> phones = fixtures.trainees(CERTIFICATES, VILLAGE, false);
        long lecture = fixtures.openLecture(CERTIFICATES, Map.of());
        long course = jdbc.queryForObject("SELECT course_id FROM lecture WHERE id = ?", Long.class, lecture);
        List<Long> trainees = jdbc.queryForList("SELECT id FROM trainee WHERE phone IN (" + "?,".repeat(phones.size() - 1)
                + "?) ORDER BY id", Long.class, phones.toArray());
        jdbc.batchUpdate("INSERT INTO hours_entry (trainee_id, lecture_id, course_id, title, source, hours, earned_on,"
                        + " recorded_at) VALUES (?, ?, ?, '社区矫正中的个案管理实务', 'IN_PERSON', 2.5, CURDATE(), NOW())",
                trainees.stream().map(t -> new Object[] {t, lecture, course}).toList());

        // Issue: the service path (record, serial under the year's lock, audit line, event), 8 threads.
        List<Callable<?>> issues = trainees.stream().<Callable<?>>map(t -> () -> SystemTasks.runAsSystem(
                () -> issuing.issueCompletion(t, lecture))).toList();
        Stopwatch.Result issued = Stopwatch.run("issue through CertificateIssuing (8 threads)", 8, issues);
        List<Certificate> records = trainees.stream().map(t -> SystemTasks.runAsSystem(
                () -> issuing.issueCompletion(t, lecture))).toList();
        assertThat(records.stream().map(Certificate::serial).distinct()).hasSize(CERTIFICATES);

        // Let the after-commit listeners (mail notices) finish, so they do not share the CPU with the measurement.
        await("after-commit listeners done").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION", Long.class) == 0);
        int cores = Runtime.getRuntime().availableProcessors();
        AtomicLong certificateBytes = new AtomicLong();
        AtomicLong bareBytes = new AtomicLong();
        Function<Certificate, byte[]> certificate = renderer::render;
        Function<Certificate, byte[]> bare = CertificateBenchmark::barePage;

        // Warm-up of both, so that neither pays for the JIT.
        render("warm-up", records, certificate, 1, new AtomicLong());
        render("warm-up", records, bare, 1, new AtomicLong());

        Stopwatch.Result certOne = render("certificate PDF, 1 thread", records, certificate, 1, certificateBytes);
        Stopwatch.Result bareOne = render("bare page, same font subset, 1 thread", records, bare, 1, bareBytes);
        Stopwatch.Result certAll = render("certificate PDF, " + cores + " threads", records, certificate, cores,
                new AtomicLong());
        Stopwatch.Result bareAll = render("bare page, same font subset, " + cores + " threads", records, bare, cores,
                new AtomicLong());
        Stopwatch.Result download = Stopwatch.run("download: CertificateQueries.pdf(id), 1 thread", 1,
                records.stream().<Callable<?>>map(r -> () -> SystemTasks.runAsSystem(() -> certificates.pdf(r.id())))
                        .toList());

        double averageKb = certificateBytes.get() / (double) CERTIFICATES / 1024;
        double bareKb = bareBytes.get() / (double) CERTIFICATES / 1024;
        System.out.println();
        System.out.printf("Certificates: %d issued and rendered, %d cores, MariaDB %s%n", CERTIFICATES, cores,
                jdbc.queryForObject("SELECT VERSION()", String.class));
        System.out.println(Stopwatch.Result.header());
        System.out.println(issued.row());
        System.out.println(certOne.row());
        System.out.println(bareOne.row());
        System.out.println(certAll.row());
        System.out.println(bareAll.row());
        System.out.println(download.row());
        double ratioOne = certOne.perSecond() / bareOne.perSecond();
        double ratioAll = certAll.perSecond() / bareAll.perSecond();
        System.out.printf("average size: certificate %.1f KB (goal < 150 KB), bare page %.1f KB%n", averageKb, bareKb);
        System.out.printf("1 thread: %.0f certificates/s (goal >= 170), ratio certificate/bare = %.2f (goal >= 0.50): %s%n",
                certOne.perSecond(), ratioOne, certOne.perSecond() >= 170 && ratioOne >= 0.5 ? "met" : "NOT met");
        System.out.printf("%d threads: %.0f certificates/s, ratio certificate/bare = %.2f%n%n", cores,
                certAll.perSecond(), ratioAll);
        assertThat(averageKb).isLessThan(150);
    }

    private static Stopwatch.Result render(String name, List<Certificate> records, Function<Certificate, byte[]> pdf,
                                           int threads, AtomicLong bytes) throws Exception {
        List<Callable<?>> tasks = new ArrayList<>();
        for (Certificate record : records) {
            tasks.add(() -> bytes.addAndGet(pdf.apply(record).length));
        }
        return Stopwatch.run(name, threads, tasks);
    }

    /**
     * The baseline: one A4 page with the certificate's Chinese text in the same embedded font, written straight
     * onto the page (no layout, no images): the least OpenPDF can do for a page with that font subset.
     */
    static byte[] barePage(Certificate c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(70_000);
        Document document = new Document(PageSize.A4.rotate());
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.open();
        PdfContentByte cb = writer.getDirectContent();
        String[] lines = {"台州社会工作学院", "结业证书", c.holderName() + "（身份证号 " + c.holderIdMasked() + "）于"
                + c.coversFrom() + "参加台州社会工作学院举办的“" + c.title() + "”培训，",
                "完成规定的学习内容，准予结业，计继续教育 " + c.hours() + " 学时。特发此证。", "证书编号：" + c.serial(),
                "扫码验证真伪 二〇二六年十一月二十九日"};
        cb.beginText();
        cb.setFontAndSize(ChineseFont.baseFont(), 16);
        float y = 500;
        for (String line : lines) {
            cb.showTextAligned(Element.ALIGN_LEFT, line, 60, y, 0);
            y -= 40;
        }
        cb.endText();
        document.close();
        return out.toByteArray();
    }
}
