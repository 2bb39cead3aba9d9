package cn.tzsw.college.registration;

import cn.tzsw.college.regions.RegionService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * A lecture's roster as a file for the college's staff: Excel (.xlsx) or CSV. {@code text} translates the
 * message keys of the column headers and the status labels into the reader's language.
 */
@Component
public class RosterExport {

    /** Column header keys, in column order. */
    static final List<String> HEADERS = List.of("roster.column.name", "roster.column.phone", "roster.column.idNumber",
            "roster.column.workUnit", "roster.column.region", "roster.column.status", "roster.column.queuedAt",
            "roster.column.byAdmin");
    private static final DateTimeFormatter QUEUED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Excel opens a UTF-8 CSV as UTF-8 (and Chinese as Chinese) only when it starts with a byte order mark. */
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final RegionService regions;

    RosterExport(RegionService regions) {
        this.regions = regions;
    }

    public byte[] xlsx(List<RosterEntry> roster, Function<String, String> text) {
        // Streaming workbook: a large lecture's roster (and its waitlist) never sits in memory as a whole.
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(text.apply("roster.sheet"));
            Row header = sheet.createRow(0);
            CellStyle bold = boldStyle(workbook);
            for (int i = 0; i < HEADERS.size(); i++) {
                header.createCell(i).setCellValue(text.apply(HEADERS.get(i)));
                header.getCell(i).setCellStyle(bold);
            }
            int rowIndex = 1;
            for (List<String> values : rows(roster, text)) {
                Row row = sheet.createRow(rowIndex++);
                for (int i = 0; i < values.size(); i++) {
                    row.createCell(i).setCellValue(values.get(i));
                }
            }
            int[] widths = {12, 16, 22, 28, 36, 10, 20, 10};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    /** UTF-8 with a byte order mark, comma-separated, CRLF line ends, quoted as RFC 4180 says. */
    public byte[] csv(List<RosterEntry> roster, Function<String, String> text) {
        StringBuilder csv = new StringBuilder();
        appendLine(csv, HEADERS.stream().map(text).toList());
        for (List<String> values : rows(roster, text)) {
            appendLine(csv, values);
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[UTF8_BOM.length + body.length];
        System.arraycopy(UTF8_BOM, 0, file, 0, UTF8_BOM.length);
        System.arraycopy(body, 0, file, UTF8_BOM.length, body.length);
        return file;
    }

    private List<List<String>> rows(List<RosterEntry> roster, Function<String, String> text) {
        Map<String, String> paths = new HashMap<>();
        return roster.stream().map(entry -> List.of(entry.name(), nullToEmpty(entry.maskedPhone()),
                nullToEmpty(entry.maskedIdNumber()), nullToEmpty(entry.workUnit()),
                paths.computeIfAbsent(entry.regionCode(), regions::displayPath), text.apply(entry.status().messageKey()),
                entry.queuedAt() == null ? "" : QUEUED_AT.format(entry.queuedAt()),
                entry.byAdmin() ? text.apply("roster.byAdmin.yes") : "")).toList();
    }

    private static void appendLine(StringBuilder csv, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quoted(values.get(i)));
        }
        csv.append("\r\n");
    }

    private static String quoted(String value) {
        // A leading = + - @ would make a spreadsheet run the cell as a formula (CSV injection).
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean needsQuotes = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0
                || safe.indexOf('\n') >= 0;
        return needsQuotes ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static CellStyle boldStyle(Workbook workbook) {
        Font font = workbook.createFont();
        font.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
