package cn.tzsw.college.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.QrScans;
import cn.tzsw.college.hours.HoursSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The PDFs themselves, without the application: what they say, that the QR code scans, how big they are. */
class CertificatePdfTest {

    static final CertificateProperties PROPERTIES = new CertificateProperties("台州社会工作学院", "TZSW",
            new ClassPathResource("certificates/seal.png"), "https://college.example.cn", null, Period.ofYears(1), 20,
            Duration.ofMinutes(1), 100, Duration.ofSeconds(2));
    final CertificateRenderer renderer = new CertificateRenderer(PROPERTIES);

    static Certificate completion() {
        return new Certificate(1, "TZSW-2026-000123", "ABCDEFGHIJKLMNOPQRST", CertificateKind.COMPLETION, 7, 3L, 2L,
                "欧阳晓明", "3310**********123X", "社区矫正中的个案管理实务", new BigDecimal("2.5"), null,
                LocalDate.of(2026, 11, 20), LocalDate.of(2026, 11, 20), List.of(), LocalDate.of(2026, 11, 29),
                LocalDateTime.of(2026, 11, 29, 10, 0), "system", null, false, null, null, null);
    }

    static Certificate hoursRecord(int lines) {
        List<CertificateLine> entries = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < lines; i++) {
            BigDecimal hours = new BigDecimal(i % 3 == 0 ? "3.0" : "1.5");
            total = total.add(hours);
            entries.add(new CertificateLine(LocalDate.of(2025, 1, 10).plusDays(i * 17L),
                    "社会工作伦理与法规专题讲座 第" + (i + 1) + "讲", HoursSource.values()[i % 4], hours));
        }
        return new Certificate(2, "TZSW-2026-000124", "ZYXWVUTSRQPONMLKJIHG", CertificateKind.HOURS_RECORD, 7, null,
                null, "欧阳晓明", "3310**********123X", "注册有效期", total, new BigDecimal("90"),
                LocalDate.of(2024, 3, 1), LocalDate.of(2027, 2, 28), entries, LocalDate.of(2026, 11, 29),
                LocalDateTime.of(2026, 11, 29, 10, 0), "system", LocalDate.of(2027, 11, 29), false, null, null, null);
    }

    @Test
    void a_completion_certificate_names_the_holder_serial_and_hours_and_its_qr_code_opens_the_verification_page()
            throws Exception {
        byte[] pdf = renderer.render(completion());
        save("completion", pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s", "");
            assertThat(text).contains("欧阳晓明", "TZSW-2026-000123", "2.5", "结业证书", "3310**********123X");
            assertThat(text).doesNotContain("331002199001011234");
            assertThat(QrScans.readPdf(pdf, -1)).isEqualTo("https://college.example.cn/verify/ABCDEFGHIJKLMNOPQRST");
        }
        assertThat(pdf.length).isLessThan(150 * 1024);
    }

    @Test
    void an_hours_record_lists_every_lecture_with_its_method_and_the_total_against_the_requirement() throws Exception {
        byte[] pdf = renderer.render(hoursRecord(8));
        save("hours", pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s", "");
            assertThat(text).contains("继续教育学时证明", "欧阳晓明", "TZSW-2026-000124", "第8讲", "集中收看", "16.5",
                    "应修继续教育90.0学时");
            assertThat(QrScans.readPdf(pdf, -1)).isEqualTo("https://college.example.cn/verify/ZYXWVUTSRQPONMLKJIHG");
        }
        assertThat(pdf.length).isLessThan(150 * 1024);
    }

    @Test
    void a_long_hours_record_flows_onto_more_pages_and_keeps_the_seal_and_qr_on_the_last() throws Exception {
        byte[] pdf = renderer.render(hoursRecord(60));
        save("hours-long", pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            assertThat(new PDFTextStripper().getText(document)).contains("第60讲");
        }
    }

    private static void save(String name, byte[] pdf) throws Exception {
        Path folder = Path.of("target/certificates");
        Files.createDirectories(folder);
        Files.write(folder.resolve(name + ".pdf"), pdf);
    }
}
