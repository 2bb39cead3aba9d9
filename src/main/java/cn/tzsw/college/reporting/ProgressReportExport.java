package cn.tzsw.college.reporting;

import cn.tzsw.college.regions.Region;
import cn.tzsw.college.shared.ChineseFont;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report on screen as a file: Excel (.xlsx) or PDF (Chinese font embedded). Built from the same scoped service
 * calls as the view, so a file holds exactly what the caller may see: the unit's rows, or a village's trainees with
 * masked ID numbers. {@code text} translates message keys into the reader's language.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN','COORDINATOR')")
public class ProgressReportExport {

    /** Most trainees a village's file lists (a village has a few dozen). */
    static final int MAX_TRAINEES = 5_000;
    static final List<String> UNIT_HEADERS = List.of("report.column.unit", "report.column.trainees",
            "report.column.active", "report.column.hours", "report.column.averageHours", "report.column.lectures",
            "report.column.compliance", "report.column.coverage");
    static final List<String> TRAINEE_HEADERS = List.of("report.trainee.name", "report.trainee.idNumber",
            "report.trainee.level", "report.column.hours", "report.column.lectures", "report.trainee.earned",
            "report.trainee.status");

    private final ProgressReports reports;

    ProgressReportExport(ProgressReports reports) {
        this.reports = reports;
    }

    /** The title, the period line and the table (header first) of the view, as text. */
    public record Sheet(String title, String subtitle, List<String> headers, List<List<String>> rows,
                        List<String> footer, List<String> notes) {
    }

    public Sheet sheet(String regionCode, ReportPeriod period, Function<String, String> text) {
        ProgressReport report = reports.report(regionCode, period);
        String path = report.breadcrumb().stream().map(Region::name).collect(Collectors.joining(" / "));
        String title = text.apply("report.title") + " · " + path;
        String subtitle = MessageFormat.format(text.apply("report.file.period"), period.from().toString(),
                period.to().toString(), report.asOf().toString());
        List<String> notes = List.of(text.apply("report.help.hours"), text.apply("report.help.active"),
                text.apply("report.help.compliance"), text.apply("report.help.coverage"));
        if (report.listsTrainees()) {
            List<List<String>> rows = reports.trainees(regionCode, period, 0, MAX_TRAINEES).stream()
                    .map(t -> List.of(t.name(), t.maskedIdNumber(), text.apply(t.level().messageKey()),
                            t.hours().toPlainString(), String.valueOf(t.lectures()),
                            t.earnedInRegistrationPeriod().toPlainString(), text.apply(t.status().messageKey())))
                    .toList();
            return new Sheet(title, subtitle, TRAINEE_HEADERS.stream().map(text).toList(), rows,
                    traineeTotal(report.total(), text), notes);
        }
        List<List<String>> rows = report.rows().stream().map(row -> unitRow(row, text)).toList();
        List<String> footer = new ArrayList<>(unitRow(report.total(), text));
        footer.set(0, text.apply("report.total"));
        return new Sheet(title, subtitle, UNIT_HEADERS.stream().map(text).toList(), rows, footer, notes);
    }

    /** The total under a village's trainees, in their columns: hours and lecture entries summed, nothing else. */
    private static List<String> traineeTotal(UnitFigures total, Function<String, String> text) {
        return List.of(text.apply("report.total"), "", "", total.hours().toPlainString(),
                String.valueOf(total.lectures()), "", "");
    }

    /** One unit's figures as the view shows them. */
    public static List<String> unitRow(UnitFigures row, Function<String, String> text) {
        String name = row.direct() ? MessageFormat.format(text.apply("report.direct"), row.name()) : row.name();
        return List.of(name, String.valueOf(row.trainees()), String.valueOf(row.activeTrainees()),
                row.hours().toPlainString(), row.averageHours().toPlainString(), String.valueOf(row.lectures()),
                percent(row.complianceRate()), percent(row.coverage()));
    }

    public static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    public byte[] xlsx(String regionCode, ReportPeriod period, Function<String, String> text) {
        Sheet sheet = sheet(regionCode, period, text);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet xs = workbook.createSheet(text.apply("report.sheet"));
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            CellStyle bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            int r = 0;
            xs.createRow(r++).createCell(0).setCellValue(sheet.title());
            xs.getRow(0).getCell(0).setCellStyle(bold);
            xs.createRow(r++).createCell(0).setCellValue(sheet.subtitle());
            r++;
            r = writeRow(xs, r, sheet.headers(), bold);
            for (List<String> values : sheet.rows()) {
                r = writeRow(xs, r, values, null);
            }
            r = writeRow(xs, r, sheet.footer(), bold);
            r++;
            for (String note : sheet.notes()) {
                xs.createRow(r++).createCell(0).setCellValue(note);
            }
            for (int i = 0; i < sheet.headers().size(); i++) {
                xs.setColumnWidth(i, (i == 0 ? 24 : 14) * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes numbers as numbers (Excel sums them), the rest as text. */
    private static int writeRow(org.apache.poi.ss.usermodel.Sheet xs, int index, List<String> values, CellStyle style) {
        Row row = xs.createRow(index);
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            var cell = row.createCell(i);
            if (i > 0 && value.matches("\\d+(\\.\\d+)?")) {
                cell.setCellValue(new BigDecimal(value).doubleValue());
            } else {
                cell.setCellValue(value);
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
        return index + 1;
    }

    public byte[] pdf(String regionCode, ReportPeriod period, Function<String, String> text) {
        Sheet sheet = sheet(regionCode, period, text);
        org.openpdf.text.Font titleFont = new org.openpdf.text.Font(ChineseFont.baseFont(), 14, org.openpdf.text.Font.BOLD);
        org.openpdf.text.Font font = new org.openpdf.text.Font(ChineseFont.baseFont(), 9);
        org.openpdf.text.Font small = new org.openpdf.text.Font(ChineseFont.baseFont(), 7.5f, org.openpdf.text.Font.NORMAL,
                Color.DARK_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph(sheet.title(), titleFont));
        document.add(new Paragraph(sheet.subtitle(), font));
        PdfPTable table = new PdfPTable(sheet.headers().size());
        table.setWidthPercentage(100);
        table.setSpacingBefore(10);
        table.setHeaderRows(1);
        Color shade = new Color(0xEE, 0xF2, 0xF7);
        addRow(table, sheet.headers(), font, shade);
        for (List<String> values : sheet.rows()) {
            addRow(table, values, font, null);
        }
        addRow(table, sheet.footer(), font, shade);
        document.add(table);
        for (String note : sheet.notes()) {
            document.add(new Paragraph(note, small));
        }
        document.close();
        return out.toByteArray();
    }

    private static void addRow(PdfPTable table, List<String> values, org.openpdf.text.Font font, Color background) {
        for (int i = 0; i < values.size(); i++) {
            PdfPCell cell = new PdfPCell(new Phrase(values.get(i), font));
            cell.setHorizontalAlignment(i == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
            cell.setPadding(4);
            if (background != null) {
                cell.setBackgroundColor(background);
            }
            table.addCell(cell);
        }
    }

}
