package cn.tzsw.college.trainees;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The roster template: a sheet with the header row and one example row (ID number and phone formatted as text, so
 * that Excel keeps all digits), and a second sheet that documents every column in Chinese and English. The example's
 * name carries {@link #EXAMPLE_MARK}: an import skips such a line, so an example left in never becomes a trainee.
 */
public final class RosterTemplate {

    /** Starts the example row's name; lines whose name starts with it are examples, never imported. */
    public static final String EXAMPLE_MARK = "【示例】";

    private static final String[][] DOCUMENTATION = {
            {"姓名 / name", "必填。2–30个汉字或字母。", "Required. 2–30 Chinese characters or letters."},
            {"身份证号 / ID number", "必填。18位居民身份证号，校验码和出生日期必须正确；请设为文本格式。",
                    "Required. 18-character citizen ID; check digit and birth date are verified. Format the column as text."},
            {"手机号 / phone", "必填。11位手机号，作为学员的登录名，不能与已有账号重复。",
                    "Required. 11-digit mobile number; it becomes the trainee's user name and must be new."},
            {"所在村社区或乡镇街道 / region", "必填。12位统计用区划代码（如 331002001003），或从本辖区起的名称路径（如 椒江区/海门街道/城隍浦社区）；必须在您的管辖范围内。",
                    "Required. The 12-digit statistical code (e.g. 331002001003) or a name path from your home unit (e.g. 椒江区/海门街道/城隍浦社区); must lie inside your area."},
            {"工作单位 / work unit", "必填。最多100字。", "Required. Up to 100 characters."},
            {"职业资格等级 / certificate level", "必填。无、助理社会工作师、社会工作师、高级社会工作师（或 NONE / ASSISTANT / INTERMEDIATE / SENIOR）。",
                    "Required. 无, 助理社会工作师, 社会工作师, 高级社会工作师 (or NONE / ASSISTANT / INTERMEDIATE / SENIOR)."},
            {"注册周期开始日期 / registration period start", "持证者必填。格式 2024-03-01；不能晚于今天。",
                    "Required for certified trainees. Format 2024-03-01; not in the future."},
            {"电子邮箱 / email", "选填。用于通知和提醒邮件。", "Optional. Used for notices and reminders."},
    };

    private RosterTemplate() {
    }

    public static byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet roster = workbook.createSheet("学员名单");
            Row header = roster.createRow(0);
            Row example = roster.createRow(1);
            String[] sample = {EXAMPLE_MARK + "张晓明", "33100219900101123X", "13900000000", "椒江区/海门街道/城隍浦社区", "海门街道社工站",
                    "助理社会工作师", "2024-03-01", "zhang@example.cn"};
            RosterColumn[] columns = RosterColumn.values();
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i].templateHeader());
                header.getCell(i).setCellStyle(bold);
                example.createCell(i).setCellValue(sample[i]);
                example.getCell(i).setCellStyle(text);
                roster.setDefaultColumnStyle(i, text);
                roster.setColumnWidth(i, 22 * 256);
            }
            roster.createFreezePane(0, 1);

            Sheet help = workbook.createSheet("填写说明");
            Row helpHeader = help.createRow(0);
            String[] titles = {"列 / column", "说明", "Description"};
            for (int i = 0; i < titles.length; i++) {
                helpHeader.createCell(i).setCellValue(titles[i]);
                helpHeader.getCell(i).setCellStyle(bold);
            }
            for (int r = 0; r < DOCUMENTATION.length; r++) {
                Row row = help.createRow(r + 1);
                for (int c = 0; c < 3; c++) {
                    row.createCell(c).setCellValue(DOCUMENTATION[r][c]);
                }
            }
            help.createRow(DOCUMENTATION.length + 2).createCell(0).setCellValue(
                    "整个文件全部正确才会导入；任何一行有错，都不会写入任何数据。姓名以" + EXAMPLE_MARK + "开头的示例行不会导入。"
                            + "也可保存为 CSV（UTF-8 或 GBK 均可）。 / The file is imported only when every line is valid."
                            + " The example line (its name starts with " + EXAMPLE_MARK + ") is never imported."
                            + " CSV (UTF-8 or GBK) works too.");
            help.setColumnWidth(0, 34 * 256);
            help.setColumnWidth(1, 70 * 256);
            help.setColumnWidth(2, 80 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
