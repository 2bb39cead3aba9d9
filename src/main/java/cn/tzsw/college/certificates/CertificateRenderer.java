package cn.tzsw.college.certificates;

import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.shared.ChineseFont;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * Renders a certificate's PDF from its stored record: a completion certificate on A4 landscape, an hours record
 * on A4 portrait. The Chinese font is embedded as a subset (shared {@link ChineseFont}); the seal is decoded and
 * compressed once at start-up, the QR code goes in as a 1-bit image, so a certificate costs little more than a
 * bare page of text.
 */
@Component
public class CertificateRenderer {

    private static final Color RED = new Color(158, 27, 27);
    private static final Color GOLD = new Color(184, 142, 60);
    private static final Color INK = new Color(34, 34, 34);
    private static final Color GREY = new Color(110, 110, 110);
    private static final Color PAPER = new Color(255, 252, 242);
    /** Certificates are printed in Chinese, whatever the language of the page that asks for them. */
    private static final Locale PRINTED = Locale.SIMPLIFIED_CHINESE;

    private final CertificateProperties properties;
    private final BaseFont font = ChineseFont.baseFont();
    private final BaseFont latin;
    private final Image seal;

    public CertificateRenderer(CertificateProperties properties) {
        this.properties = properties;
        try {
            this.latin = BaseFont.createFont(BaseFont.TIMES_ROMAN, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.seal = loadSeal(properties);
    }

    public byte[] render(Certificate certificate) {
        return certificate.kind() == CertificateKind.COMPLETION ? completion(certificate) : hoursRecord(certificate);
    }

    private byte[] completion(Certificate c) {
        Rectangle page = PageSize.A4.rotate();
        ByteArrayOutputStream out = new ByteArrayOutputStream(80_000);
        Document document = new Document(page, 0, 0, 0, 0);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle("结业证书 " + c.serial());
        document.addAuthor(properties.issuer());
        document.open();
        PdfContentByte cb = writer.getDirectContent();
        frame(cb, page);
        float middle = page.getWidth() / 2;
        text(cb, font, properties.issuer(), 18, RED, 6, middle, 498, Element.ALIGN_CENTER);
        text(cb, font, "结业证书", 48, RED, 22, middle + 11, 436, Element.ALIGN_CENTER);
        text(cb, latin, "CERTIFICATE  OF  COMPLETION", 11, GREY, 2.5f, middle, 412, Element.ALIGN_CENTER);
        cb.setColorStroke(GOLD);
        cb.setLineWidth(0.8f);
        cb.moveTo(middle - 150, 400);
        cb.lineTo(middle + 150, 400);
        cb.stroke();

        Font body = new Font(font, 18, Font.NORMAL, INK);
        Font strong = new Font(font, 20, Font.NORMAL, RED);
        ColumnText column = new ColumnText(cb);
        column.setSimpleColumn(118, 190, page.getWidth() - 118, 388, 36, Element.ALIGN_JUSTIFIED);
        Paragraph first = new Paragraph(36, "", body);
        first.setFirstLineIndent(36);
        first.add(new Phrase(c.holderName(), strong));
        first.add(new Phrase((c.holderIdMasked() != null ? "（身份证号 " + c.holderIdMasked() + "）" : "") + "于"
                + ChineseDates.format(c.coversFrom(), PRINTED) + "参加" + properties.issuer() + "举办的“", body));
        first.add(new Phrase(c.title(), strong));
        first.add(new Phrase("”培训，完成规定的学习内容，准予结业，计继续教育 ", body));
        first.add(new Phrase(hours(c.hours()), strong));
        first.add(new Phrase(" 学时。", body));
        Paragraph second = new Paragraph(36, "特发此证。", body);
        second.setFirstLineIndent(36);
        column.addElement(first);
        column.addElement(second);
        go(column);

        footer(cb, c, page.getWidth(), 72, 62, 86, page.getWidth() - 190, 132);
        document.close();
        return out.toByteArray();
    }

    private byte[] hoursRecord(Certificate c) {
        Rectangle page = PageSize.A4;
        ByteArrayOutputStream out = new ByteArrayOutputStream(90_000);
        Document document = new Document(page, 62, 62, 206, 200);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle("继续教育学时证明 " + c.serial());
        document.addAuthor(properties.issuer());
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onStartPage(PdfWriter w, Document d) {
                PdfContentByte under = w.getDirectContentUnder();
                frame(under, page);
                float middle = page.getWidth() / 2;
                if (w.getPageNumber() == 1) {
                    text(under, font, properties.issuer(), 15, RED, 4, middle, 768, Element.ALIGN_CENTER);
                    text(under, font, "继续教育学时证明", 30, RED, 8, middle + 4, 726, Element.ALIGN_CENTER);
                    text(under, latin, "CONTINUING  EDUCATION  HOURS  RECORD", 9, GREY, 2, middle, 706,
                            Element.ALIGN_CENTER);
                } else {
                    text(under, font, "继续教育学时证明（续） " + c.serial(), 12, RED, 1, middle, 768,
                            Element.ALIGN_CENTER);
                }
                text(under, font, "姓名：" + c.holderName() + (c.holderIdMasked() != null
                        ? "　　身份证号：" + c.holderIdMasked() : ""), 12, INK, 0, 62, 672, Element.ALIGN_LEFT);
                text(under, font, "统计期间：" + ChineseDates.format(c.coversFrom(), PRINTED) + " 至 "
                        + ChineseDates.format(c.coversTo(), PRINTED) + "（" + c.title() + "）", 12, INK, 0, 62, 652,
                        Element.ALIGN_LEFT);
            }
        });
        document.open();
        Font head = new Font(font, 11, Font.NORMAL, Color.WHITE);
        Font cell = new Font(font, 10.5f, Font.NORMAL, INK);
        PdfPTable table = new PdfPTable(new float[] {7, 20, 45, 14, 14});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String title : new String[] {"序号", "日期", "课程（讲座）", "学习方式", "学时"}) {
            PdfPCell h = new PdfPCell(new Phrase(title, head));
            h.setBackgroundColor(RED);
            h.setBorderColor(GOLD);
            h.setHorizontalAlignment(Element.ALIGN_CENTER);
            h.setPadding(5);
            table.addCell(h);
        }
        int n = 0;
        for (CertificateLine line : c.lines()) {
            n++;
            Color shade = n % 2 == 0 ? new Color(248, 241, 226) : null;
            table.addCell(cell(String.valueOf(n), cell, Element.ALIGN_CENTER, shade));
            table.addCell(cell(line.date().toString(), cell, Element.ALIGN_CENTER, shade));
            table.addCell(cell(line.title(), cell, Element.ALIGN_LEFT, shade));
            table.addCell(cell(method(line), cell, Element.ALIGN_CENTER, shade));
            table.addCell(cell(hours(line.hours()), cell, Element.ALIGN_RIGHT, shade));
        }
        if (c.lines().isEmpty()) {
            PdfPCell none = cell("（本期间尚无学时记录）", cell, Element.ALIGN_CENTER, null);
            none.setColspan(5);
            table.addCell(none);
        }
        PdfPCell total = cell("合计", new Font(font, 11, Font.NORMAL, RED), Element.ALIGN_RIGHT, null);
        total.setColspan(4);
        table.addCell(total);
        table.addCell(cell(hours(c.hours()), new Font(font, 11, Font.NORMAL, RED), Element.ALIGN_RIGHT, null));
        document.add(table);

        Font body = new Font(font, 12, Font.NORMAL, INK);
        Paragraph summary = new Paragraph(24, "", body);
        summary.setSpacingBefore(10);
        summary.setFirstLineIndent(24);
        if (c.requiredHours() != null && c.requiredHours().signum() > 0) {
            BigDecimal missing = c.requiredHours().subtract(c.hours()).max(BigDecimal.ZERO);
            summary.add(new Phrase("本注册有效期应修继续教育 " + hours(c.requiredHours()) + " 学时，截至"
                    + ChineseDates.format(c.issuedOn(), PRINTED) + "已修 " + hours(c.hours()) + " 学时，"
                    + (missing.signum() == 0 ? "已达到要求。" : "尚需 " + hours(missing) + " 学时。"), body));
        } else {
            summary.add(new Phrase("截至" + ChineseDates.format(c.issuedOn(), PRINTED) + "，上述期间共修继续教育 "
                    + hours(c.hours()) + " 学时。", body));
        }
        document.add(summary);
        Paragraph attest = new Paragraph(24, "兹证明以上学时记录属实。", body);
        attest.setFirstLineIndent(24);
        document.add(attest);

        footer(writer.getDirectContent(), c, page.getWidth(), 66, 58, 78, page.getWidth() - 150, 120);
        document.close();
        return out.toByteArray();
    }

    private static PdfPCell cell(String text, Font font, int align, Color shade) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(align);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setBorderColor(GOLD);
        cell.setBorderWidth(0.5f);
        cell.setPadding(4.5f);
        if (shade != null) {
            cell.setBackgroundColor(shade);
        }
        return cell;
    }

    /** QR with the code under it bottom left, the serial in the middle, issuer and date under the seal right. */
    private void footer(PdfContentByte cb, Certificate c, float pageWidth, float qrX, float qrY, float qrSize, float sealX,
                        float sealY) {
        float pad = 4;
        cb.setColorFill(Color.WHITE);
        cb.rectangle(qrX - pad, qrY - pad, qrSize + 2 * pad, qrSize + 2 * pad);
        cb.fill();
        addImage(cb, qr(properties.verificationUrl(c.code())), qrX, qrY, qrSize, qrSize);
        text(cb, latin, c.printedCode(), 7.5f, INK, 0.3f, qrX + qrSize / 2, qrY - 14, Element.ALIGN_CENTER);
        text(cb, font, "扫码验证真伪", 8, GREY, 1, qrX + qrSize / 2, qrY - 26, Element.ALIGN_CENTER);

        float pageMiddle = pageWidth / 2;
        text(cb, font, "证书编号：" + c.serial(), 12, INK, 0.5f, pageMiddle, qrY - 4, Element.ALIGN_CENTER);

        text(cb, font, properties.issuer(), 16, INK, 2, sealX, sealY + 8, Element.ALIGN_CENTER);
        text(cb, font, ChineseDates.numerals(c.issuedOn()), 14, INK, 1, sealX, sealY - 20, Element.ALIGN_CENTER);
        if (seal != null) {
            float size = 118;
            addImage(cb, seal, sealX - size / 2, sealY - size / 2 + 2, size, size);
        }
    }

    private static void frame(PdfContentByte cb, Rectangle page) {
        float w = page.getWidth();
        float h = page.getHeight();
        cb.setColorFill(PAPER);
        cb.rectangle(0, 0, w, h);
        cb.fill();
        cb.setColorStroke(RED);
        cb.setLineWidth(5);
        cb.rectangle(20, 20, w - 40, h - 40);
        cb.stroke();
        cb.setColorStroke(GOLD);
        cb.setLineWidth(1.2f);
        cb.rectangle(29, 29, w - 58, h - 58);
        cb.stroke();
        cb.setLineWidth(0.5f);
        cb.rectangle(33, 33, w - 66, h - 66);
        cb.stroke();
        // Corner ornaments: a small gold diamond at each inner corner.
        cb.setColorFill(GOLD);
        for (float[] corner : new float[][] {{33, 33}, {w - 33, 33}, {33, h - 33}, {w - 33, h - 33}}) {
            float x = corner[0];
            float y = corner[1];
            cb.moveTo(x, y + 7);
            cb.lineTo(x + 7, y);
            cb.lineTo(x, y - 7);
            cb.lineTo(x - 7, y);
            cb.closePath();
            cb.fill();
        }
    }

    private static void text(PdfContentByte cb, BaseFont font, String text, float size, Color color, float spacing,
                             float x, float y, int align) {
        cb.beginText();
        cb.setFontAndSize(font, size);
        cb.setColorFill(color);
        cb.setCharacterSpacing(spacing);
        cb.showTextAligned(align, text, x, y, 0);
        cb.setCharacterSpacing(0);
        cb.endText();
    }

    private static void addImage(PdfContentByte cb, Image image, float x, float y, float w, float h) {
        try {
            cb.addImage(image, w, 0, 0, h, x, y);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void go(ColumnText column) {
        try {
            column.go();
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The verification link as a QR code, one pixel per module in a 1-bit image (no PNG encoding per PDF). */
    static Image qr(String url) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
            int w = matrix.getWidth();
            int h = matrix.getHeight();
            int rowBytes = (w + 7) / 8;
            byte[] data = new byte[rowBytes * h];
            java.util.Arrays.fill(data, (byte) 0xFF);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (matrix.get(x, y)) { // dark module: 0 in DeviceGray
                        data[y * rowBytes + x / 8] &= (byte) ~(0x80 >> (x % 8));
                    }
                }
            }
            return Image.getInstance(w, h, 1, 1, data);
        } catch (WriterException | DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decodes the seal once into RGB plus an alpha soft mask, both deflated, so no PDF compresses it again. */
    private static Image loadSeal(CertificateProperties properties) {
        if (properties.sealImage() == null || !properties.sealImage().exists()) {
            return null;
        }
        try (InputStream in = properties.sealImage().getInputStream()) {
            BufferedImage picture = ImageIO.read(in);
            if (picture == null) {
                throw new IllegalStateException("not an image: " + properties.sealImage());
            }
            int w = picture.getWidth();
            int h = picture.getHeight();
            byte[] rgb = new byte[w * h * 3];
            byte[] alpha = new byte[w * h];
            boolean transparent = picture.getColorModel().hasAlpha();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int argb = picture.getRGB(x, y);
                    int i = y * w + x;
                    int a = (argb >>> 24) & 0xFF;
                    // Fully transparent pixels get the seal's colour, which keeps the colour plane tiny.
                    rgb[3 * i] = (byte) (a == 0 ? 214 : (argb >> 16) & 0xFF);
                    rgb[3 * i + 1] = (byte) (a == 0 ? 24 : (argb >> 8) & 0xFF);
                    rgb[3 * i + 2] = (byte) (a == 0 ? 30 : argb & 0xFF);
                    alpha[i] = (byte) a;
                }
            }
            Image image = Image.getInstance(w, h, 3, 8, deflate(rgb));
            image.setDeflated(true);
            if (transparent) {
                Image mask = Image.getInstance(w, h, 1, 8, deflate(alpha));
                mask.setDeflated(true);
                mask.makeMask();
                image.setImageMask(mask);
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static String method(CertificateLine line) {
        return switch (line.source()) {
            case IN_PERSON -> "现场";
            case VIDEO -> "录播视频";
            case LIVE_STREAM -> "直播";
            case GROUP_SITE -> "集中收看";
            case EXTERNAL_TRAINING -> "外部培训";
            case DEGREE -> "学历教育";
        };
    }

    static String hours(BigDecimal hours) {
        return hours.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
