package cn.tzsw.college.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openpdf.text.pdf.BaseFont;

/**
 * The CJK font every generated PDF embeds (a subset, IDENTITY_H). The font file is read once and the
 * {@link BaseFont} built once: OpenPDF would otherwise re-read the 5 MB file for each document.
 */
public final class ChineseFont {

    private static final String RESOURCE = "/fonts/wqy-microhei.ttc";
    private static final BaseFont FONT = load();

    private ChineseFont() {
    }

    public static BaseFont baseFont() {
        return FONT;
    }

    private static BaseFont load() {
        try (InputStream in = ChineseFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + RESOURCE);
            }
            BaseFont font = BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    false, in.readAllBytes(), null);
            // A lighter deflate level on the font stream: several times faster for ~17% larger files.
            font.setCompressionLevel(1);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
