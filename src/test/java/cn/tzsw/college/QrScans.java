package cn.tzsw.college;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Reads QR codes as a phone's camera does: off a screenshot, a rendered PDF page, or painted pixels. */
public final class QrScans {

    private QrScans() {
    }

    /** The code in an ARGB image whose pixels are given row by row. */
    public static String read(int width, int height, int[] pixels) throws ReaderException {
        return decode(width, height, pixels, Map.of(DecodeHintType.TRY_HARDER, true));
    }

    /**
     * The code painted module by module from its SVG, unrotated and undistorted, read as such: the detector for
     * photographed codes found no code in about 1 in 100 of these (21 of 2,000 random check-in addresses), which made
     * a test fail now and then.
     */
    public static String readPainted(int width, int height, int[] pixels) throws ReaderException {
        return decode(width, height, pixels, Map.of(DecodeHintType.PURE_BARCODE, true));
    }

    private static String decode(int width, int height, int[] pixels, Map<DecodeHintType, ?> hints)
            throws ReaderException {
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(width, height, pixels))), hints).getText();
    }

    public static String read(BufferedImage image) throws ReaderException {
        return read(image.getWidth(), image.getHeight(),
                image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()));
    }

    /** The code in a screenshot (PNG). */
    public static String readPng(byte[] png) throws IOException, ReaderException {
        return read(ImageIO.read(new ByteArrayInputStream(png)));
    }

    /**
     * The code on a PDF's page (0 is the first, -1 the last), rendered at a few scales as from a few distances:
     * ZXing's finder-pattern search misses or misreads the code at some scales depending on the rest of the page (one
     * certificate in a CI run decoded at 1.5x, 2x and 3x but not at 2.5x; another failed its checksum at one scale).
     * The smallest readable scale is tried first: rendering the page's Chinese text is the cost.
     */
    public static String readPdf(byte[] pdf, int page) throws IOException, ReaderException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int index = page < 0 ? document.getNumberOfPages() + page : page;
            ReaderException missed = null;
            for (float scale : new float[] {2f, 2.5f, 3f, 1.5f}) {
                try {
                    return read(new PDFRenderer(document).renderImage(index, scale));
                } catch (ReaderException e) {
                    missed = e;
                }
            }
            throw missed;
        }
    }
}
