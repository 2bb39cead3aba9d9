package cn.tzsw.college.trainees;

import cn.tzsw.college.shared.IdNumber;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Roster files for tests and the benchmark: fresh, valid people (numbers never used before in this run). */
public final class RosterFiles {

    public static final String HEADER = "姓名,身份证号,手机号,所在村社区或乡镇街道,工作单位,职业资格等级,注册周期开始日期,电子邮箱";
    /** Keeps numbers apart between runs against the same external database. */
    private static final int RUN = (int) (ProcessHandle.current().pid() % 100);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private RosterFiles() {
    }

    /** Rows of valid, new trainees living in the region (a code or a name path). */
    public static List<String[]> rows(int count, String region) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = SEQUENCE.incrementAndGet();
            LocalDate birth = LocalDate.of(1975, 1, 1).plusDays(RUN * 60L + n / 1000);
            String first17 = "331002" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(n % 1000);
            String phone = "166%08d".formatted(RUN * 1_000_000 + n);
            rows.add(new String[] {"导入学员", first17 + IdNumber.checkCharacter(first17), phone, region, "海门街道社工站",
                    n % 2 == 0 ? "助理社会工作师" : "社会工作师", "2024-03-01", ""});
        }
        return rows;
    }

    public static String csvText(List<String[]> rows) {
        StringBuilder text = new StringBuilder(HEADER).append("\r\n");
        for (String[] row : rows) {
            text.append(String.join(",", row)).append("\r\n");
        }
        return text.toString();
    }

    public static byte[] csv(List<String[]> rows, Charset charset) {
        return csvText(rows).getBytes(charset);
    }

    public static byte[] xlsx(List<String[]> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("名单");
            String[] header = HEADER.split(",");
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).length; c++) {
                    row.createCell(c).setCellValue(rows.get(r)[c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
