package cn.tzsw.college.registration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** The roster files keep Chinese text intact, in Excel and in a CSV that Excel opens as UTF-8. */
class RosterExportTest extends IntegrationTest {

    private static final List<RosterEntry> ROSTER = List.of(
            new RosterEntry(1, 11, "张三", "138****5678", "3310**********123X", "海门街道社工站, 第一组",
                    "331002001003", RegistrationStatus.REGISTERED, LocalDateTime.of(2026, 12, 1, 9, 30, 15), false),
            new RosterEntry(2, 12, "欧阳·娜娜", "139****0001", "3310**********0021", "他说\"好\"",
                    "331002001003", RegistrationStatus.WAITLISTED, LocalDateTime.of(2026, 12, 1, 9, 31), true),
            new RosterEntry(3, 13, "李四", "137****0002", "3310**********0035", "=HYPERLINK(\"x\")",
                    "331002001003", RegistrationStatus.CANCELLED, LocalDateTime.of(2026, 12, 2, 8, 0), false));

    @Autowired
    RosterExport export;
    @Autowired
    MessageSource messages;

    private Function<String, String> chinese() {
        return key -> messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void the_excel_file_reads_back_with_chinese_headers_names_and_regions() throws Exception {
        byte[] file = export.xlsx(ROSTER, chinese());

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("报名名单");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("姓名");
            assertThat(header.getCell(5).getStringCellValue()).isEqualTo("状态");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("张三");
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("138****5678");
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("海门街道社工站, 第一组");
            assertThat(first.getCell(4).getStringCellValue()).startsWith("台州市/椒江区/");
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo("已报名");
            assertThat(first.getCell(6).getStringCellValue()).isEqualTo("2026-12-01 09:30:15");
            Row second = sheet.getRow(2);
            assertThat(second.getCell(0).getStringCellValue()).isEqualTo("欧阳·娜娜");
            assertThat(second.getCell(5).getStringCellValue()).isEqualTo("候补中");
            assertThat(second.getCell(7).getStringCellValue()).isEqualTo("是");
            // Text cells stay text: nothing a trainee typed becomes a formula.
            assertThat(sheet.getRow(3).getCell(3).getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
        }
    }

    @Test
    void the_csv_starts_with_a_byte_order_mark_and_quotes_as_rfc_4180_says() {
        byte[] file = export.csv(ROSTER, chinese());

        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n", -1);
        assertThat(lines).hasSize(5);
        assertThat(lines[4]).isEmpty();
        assertThat(lines[0]).isEqualTo("姓名,手机号,身份证号,工作单位,所在区域,状态,报名时间,管理员添加");
        assertThat(lines[1]).startsWith("张三,138****5678,3310**********123X,\"海门街道社工站, 第一组\",台州市/椒江区/")
                .endsWith(",已报名,2026-12-01 09:30:15,");
        assertThat(lines[2]).startsWith("欧阳·娜娜,").contains(",\"他说\"\"好\"\"\",").endsWith(",候补中,2026-12-01 09:31:00,是");
        // A leading = would make a spreadsheet evaluate the cell.
        assertThat(lines[3]).contains(",\"'=HYPERLINK(\"\"x\"\")\",");
    }

    @Test
    void headers_follow_the_readers_language() {
        String text = new String(export.csv(ROSTER.subList(0, 1), key -> messages.getMessage(key, null, Locale.ENGLISH)),
                StandardCharsets.UTF_8);
        assertThat(text).contains("Name,Mobile,ID number").contains(",Registered,").contains("张三");
    }
}
