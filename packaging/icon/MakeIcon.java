import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws the HessianScope application icon (assets/icon/hessianscope.png):
 * a loss valley (parabola) with the two principal curvature directions of a
 * Hessian drawn as eigenvector arrows at the minimum.
 * Run: java packaging/icon/MakeIcon.java assets/icon/hessianscope.png
 * Deterministic: no randomness, so re-running gives the same picture.
 */
public class MakeIcon {
    public static void main(String[] args) throws Exception {
        int s = 256;
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);

        g.setPaint(new GradientPaint(0, 0, new Color(0x1f3b73), 0, s, new Color(0x0d1b36)));
        g.fill(new RoundRectangle2D.Double(8, 8, s - 16, s - 16, 48, 48));

        // Level sets of an anisotropic quadratic: ellipses whose axes are the eigenvectors.
        double cx = 128, cy = 140;
        g.rotate(Math.toRadians(-25), cx, cy);
        for (int i = 4; i >= 1; i--) {
            float t = i / 4f;
            g.setColor(new Color(0.35f + 0.5f * (1 - t), 0.65f + 0.3f * (1 - t), 0.95f, 0.9f));
            g.setStroke(new BasicStroke(5f));
            double a = 26 * i, b = 11 * i;
            g.draw(new Ellipse2D.Double(cx - a, cy - b, 2 * a, 2 * b));
        }
        // Eigenvectors: long axis = small eigenvalue (flat), short axis = large eigenvalue (sharp).
        g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0xffb547));
        arrow(g, cx, cy, cx + 92, cy);
        g.setColor(new Color(0xff5a5a));
        arrow(g, cx, cy, cx, cy - 44);
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(cx - 7, cy - 7, 14, 14));
        g.dispose();
        ImageIO.write(img, "png", new File(args[0]));
    }

    private static void arrow(Graphics2D g, double x0, double y0, double x1, double y1) {
        Path2D p = new Path2D.Double();
        p.moveTo(x0, y0);
        p.lineTo(x1, y1);
        g.draw(p);
        double ang = Math.atan2(y1 - y0, x1 - x0), h = 16;
        Path2D head = new Path2D.Double();
        head.moveTo(x1, y1);
        head.lineTo(x1 - h * Math.cos(ang - 0.45), y1 - h * Math.sin(ang - 0.45));
        head.moveTo(x1, y1);
        head.lineTo(x1 - h * Math.cos(ang + 0.45), y1 - h * Math.sin(ang + 0.45));
        g.draw(head);
    }
}
