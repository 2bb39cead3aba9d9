package cn.tzsw.college.trainees;

import static cn.tzsw.college.shared.MagicBytes.starts;

import cn.tzsw.college.shared.BusinessRuleException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import java.io.InputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads a roster file into lines of text values. The content decides what the file is, not its name: an .xlsx
 * (a zip), or text (CSV or tab-separated) in UTF-8, with or without BOM, or GBK/GB18030 as Excel saves CSV on
 * Chinese Windows. Anything else is refused with a message the importer can act on.
 */
final class RosterReader {

    static final Charset GB18030 = Charset.forName("GB18030");

    /** One data line of the file: its line (row) number as the importer sees it, and the cell values. */
    record Line(int number, Map<RosterColumn, String> values) {

        String get(RosterColumn column) {
            String value = values.get(column);
            return value == null ? "" : value.strip();
        }
    }

    private RosterReader() {
    }

    static List<Line> read(byte[] content, long maxBytes, int maxRows) {
        if (content == null || content.length == 0) {
            throw new BusinessRuleException("roster.file.empty");
        }
        if (content.length > maxBytes) {
            throw new BusinessRuleException("roster.file.tooLarge", maxBytes / (1024 * 1024));
        }
        List<List<Cell0>> rows;
        if (starts(content, 0x50, 0x4B, 0x03, 0x04)) {
            rows = xlsx(content);
        } else if (starts(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new BusinessRuleException("roster.file.xls");
        } else {
            rows = csv(decode(content));
        }
        return lines(rows, maxRows);
    }

    /** A cell's text and its line number (row) in the file. */
    private record Cell0(int line, String text) {
    }

    private static List<Line> lines(List<List<Cell0>> rows, int maxRows) {
        int header = 0;
        while (header < rows.size() && blank(rows.get(header))) {
            header++;
        }
        if (header == rows.size()) {
            throw new BusinessRuleException("roster.file.empty");
        }
        List<Cell0> headerRow = rows.get(header);
        Map<Integer, RosterColumn> columns = new java.util.HashMap<>();
        for (int i = 0; i < headerRow.size(); i++) {
            RosterColumn column = RosterColumn.byHeader(headerRow.get(i).text());
            if (column != null && !columns.containsValue(column)) {
                columns.put(i, column);
            }
        }
        List<RosterColumn> missing = java.util.Arrays.stream(RosterColumn.values())
                .filter(c -> c.required() && !columns.containsValue(c)).toList();
        if (!missing.isEmpty()) {
            throw new BusinessRuleException("roster.file.missingColumns",
                    missing.stream().map(RosterColumn::templateHeader).collect(Collectors.joining("、")));
        }
        List<Line> lines = new ArrayList<>();
        boolean example = false;
        for (int r = header + 1; r < rows.size(); r++) {
            List<Cell0> row = rows.get(r);
            if (blank(row)) {
                continue;
            }
            Map<RosterColumn, String> values = new EnumMap<>(RosterColumn.class);
            columns.forEach((index, column) -> values.put(column, index < row.size() ? row.get(index).text() : ""));
            Line line = new Line(row.getFirst().line(), values);
            if (line.get(RosterColumn.NAME).startsWith(RosterTemplate.EXAMPLE_MARK)) {
                example = true;
                continue;
            }
            if (lines.size() == maxRows) {
                throw new BusinessRuleException("roster.file.tooManyRows", maxRows);
            }
            lines.add(line);
        }
        if (lines.isEmpty()) {
            throw new BusinessRuleException(example ? "roster.file.onlyExample" : "roster.file.noRows");
        }
        return lines;
    }

    private static boolean blank(List<Cell0> row) {
        return row.stream().allMatch(c -> c.text() == null || c.text().isBlank());
    }

    /** BOM first; then strict UTF-8; then GB18030 (a superset of GBK); text that is neither is refused. */
    static String decode(byte[] content) {
        if (starts(content, 0xEF, 0xBB, 0xBF)) {
            return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
        }
        if (starts(content, 0xFF, 0xFE)) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE);
        }
        if (starts(content, 0xFE, 0xFF)) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE);
        }
        for (int i = 0; i < Math.min(content.length, 8192); i++) {
            if (content[i] == 0) {
                throw new BusinessRuleException("roster.file.type"); // binary: an image, a PDF, a Word file ...
            }
        }
        for (Charset charset : List.of(StandardCharsets.UTF_8, GB18030)) {
            try {
                return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(content)).toString();
            } catch (CharacterCodingException e) {
                // try the next one
            }
        }
        throw new BusinessRuleException("roster.file.encoding");
    }

    private static List<List<Cell0>> csv(String text) {
        if (text.startsWith("%PDF") || text.startsWith("{\\rtf") || text.regionMatches(true, 0, "<html", 0, 5)) {
            throw new BusinessRuleException("roster.file.type");
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = ',';
        long commas = count(firstLine, ','), tabs = count(firstLine, '\t'), semicolons = count(firstLine, ';');
        if (tabs > commas && tabs >= semicolons) {
            delimiter = '\t';
        } else if (semicolons > commas) {
            delimiter = ';';
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setTrim(true).get();
        List<List<Cell0>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber();
                List<Cell0> cells = new ArrayList<>();
                for (String value : record) {
                    cells.add(new Cell0(line, value));
                }
                rows.add(cells);
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new BusinessRuleException("roster.file.unreadable");
        }
        return rows;
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    /**
     * Streams the first sheet (SAX, no workbook object model): 10,000 lines in a fraction of a second, little memory.
     * Numbers come without exponent (phones typed as numbers), dates as yyyy-MM-dd.
     */
    private static List<List<Cell0>> xlsx(byte[] content) {
        List<List<Cell0>> rows = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new BusinessRuleException("roster.file.empty");
            }
            XSSFSheetXMLHandler.SheetContentsHandler handler = new XSSFSheetXMLHandler.SheetContentsHandler() {
                private List<Cell0> current;
                private int line;

                @Override
                public void startRow(int rowNum) {
                    current = new ArrayList<>();
                    line = rowNum + 1;
                }

                @Override
                public void endRow(int rowNum) {
                    if (current.isEmpty()) {
                        current.add(new Cell0(line, ""));
                    }
                    rows.add(current);
                }

                @Override
                public void cell(String reference, String value, XSSFComment comment) {
                    int column = reference == null ? current.size() : columnIndex(reference);
                    while (current.size() < column) {
                        current.add(new Cell0(line, ""));
                    }
                    current.add(new Cell0(line, value == null ? "" : value));
                }
            };
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, handler,
                    new PlainFormatter(), false));
            try (InputStream sheet = sheets.next()) {
                parser.parse(new InputSource(sheet));
            }
        } catch (BusinessRuleException e) {
            throw e;
        } catch (Exception e) {
            throw new BusinessRuleException("roster.file.unreadable");
        }
        return rows;
    }

    /** "C12" -> 2: the letters of a cell reference, base 26. */
    private static int columnIndex(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
        }
        return column - 1;
    }

    /** Dates as yyyy-MM-dd, other numbers in full (no 1.38E+10), text as is. */
    private static final class PlainFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
