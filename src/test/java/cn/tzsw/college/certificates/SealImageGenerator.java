package cn.tzsw.college.certificates;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import javax.imageio.ImageIO;

/**
 * Draws the demo seal shipped as src/main/resources/certificates/seal.png (a college's real seal is configured
 * with app.certificates.seal-image). Run once from the project folder:
 * {@code java src/test/java/cn/tzsw/college/certificates/SealImageGenerator.java}
 */
public final class SealImageGenerator {

    public static void main(String[] args) throws Exception {
        int size = 320;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        Color ink = new Color(214, 24, 30, 225);
        g.setColor(ink);
        double c = size / 2.0;
        g.setStroke(new BasicStroke(11f));
        g.draw(new Ellipse2D.Double(8, 8, size - 16, size - 16));
        g.fill(star(c, c + 4, 50, 20));
        Font font;
        try (InputStream in = new FileInputStream("src/main/resources/fonts/wqy-microhei.ttc")) {
            font = Font.createFonts(in)[0];
        }
        String arc = "台州社会工作学院继续教育";
        Font arcFont = font.deriveFont(Font.BOLD, 34f);
        g.setFont(arcFont);
        double radius = c - 58;
        double spread = Math.toRadians(216);
        for (int i = 0; i < arc.length(); i++) {
            double angle = -Math.PI / 2 - spread / 2 + spread * i / (arc.length() - 1);
            AffineTransform saved = g.getTransform();
            g.translate(c + radius * Math.cos(angle), c + radius * Math.sin(angle));
            g.rotate(angle + Math.PI / 2);
            String ch = arc.substring(i, i + 1);
            int w = g.getFontMetrics().stringWidth(ch);
            g.drawString(ch, -w / 2f, 14);
            g.setTransform(saved);
        }
        Font bottom = font.deriveFont(Font.BOLD, 26f);
        g.setFont(bottom);
        String label = "培训证书专用章";
        int w = g.getFontMetrics().stringWidth(label);
        g.drawString(label, (float) (c - w / 2.0), (float) (c + 84));
        g.dispose();
        ImageIO.write(image, "png", new File("src/main/resources/certificates/seal.png"));
    }

    private static Path2D star(double cx, double cy, double outer, double inner) {
        Path2D path = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            double x = cx + r * Math.cos(a);
            double y = cy + r * Math.sin(a);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        return path;
    }
}
