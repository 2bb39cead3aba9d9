package cn.tzsw.college.reporting;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads exported files back for assertions. */
final class ExportFiles {

    private ExportFiles() {
    }

    static List<List<String>> rows(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getSheetAt(0)) {
                List<String> values = new ArrayList<>();
                for (Cell cell : row) {
                    values.add(switch (cell.getCellType()) {
                        case NUMERIC -> String.valueOf(cell.getNumericCellValue());
                        default -> cell.getStringCellValue();
                    });
                }
                rows.add(values);
            }
        }
        return rows;
    }

    static List<String> firstColumn(byte[] xlsx) throws Exception {
        return rows(xlsx).stream().filter(r -> !r.isEmpty()).map(List::getFirst).toList();
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static boolean pdfFontsEmbedded(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            boolean any = false;
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    any = true;
                    if (!font.isEmbedded()) {
                        return false;
                    }
                }
            }
            return any;
        }
    }
}
