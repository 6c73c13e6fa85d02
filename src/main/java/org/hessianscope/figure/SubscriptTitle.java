package org.hessianscope.figure;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;

/**
 * A chart title that lowers the subscripts Unicode has no characters for ("‖H_O‖" drawn with a
 * lowered O), as the axis labels do: JFreeChart's own title draws its text as typed. Its text
 * stays the plain label, which the PDF's title metadata and the CSV use. A title too long for
 * one line wraps as JFreeChart's own would (a 1280×720 window wraps chart 3's).
 */
final class SubscriptTitle extends TextTitle {
    private static final long serialVersionUID = 1L;

    SubscriptTitle(String text, Font font) {
        super(text, font);
    }

    @Override
    protected void drawHorizontal(Graphics2D g2, Rectangle2D area) {
        String text = getText();
        if (text == null || text.indexOf('_') < 0) {
            super.drawHorizontal(g2, area);
            return;
        }
        // The lines of the plain text as JFreeChart wrapped it when it sized this title, each drawn with its
        // subscripts: the styled text measures differently and, wrapped itself, could break elsewhere.
        org.jfree.chart.text.TextBlock block = org.jfree.chart.text.TextUtils.createTextBlock(text, getFont(),
                getPaint(), (float) Math.ceil(area.getWidth()) + 1f, new org.jfree.chart.text.G2TextMeasurer(g2));
        // Baselines where JFreeChart put its own lines when it sized this title: its font metrics (those of the
        // Graphics2D, JavaFX's in the window) rather than the styled layouts' heights, which a lowered subscript
        // makes taller; stacking those pushed the second line of chart 3's title under the plot in the window.
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (Object o : block.getLines()) {
            String line = plain((org.jfree.chart.text.TextLine) o);
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        java.awt.FontMetrics metrics = g2.getFontMetrics(getFont());
        double lineHeight = lines.isEmpty() ? 0 : area.getHeight() / lines.size();
        g2.setPaint(getPaint());
        for (int i = 0; i < lines.size(); i++) {
            TextLayout layout = new TextLayout(Subscripts.attributed(lines.get(i), getFont()).getIterator(),
                    g2.getFontRenderContext());
            double width = layout.getAdvance();
            HorizontalAlignment align = getHorizontalAlignment();
            double x = align == HorizontalAlignment.LEFT ? area.getX()
                    : align == HorizontalAlignment.RIGHT ? area.getMaxX() - width
                    : area.getCenterX() - width / 2;
            layout.draw(g2, (float) x, (float) (area.getY() + i * lineHeight + metrics.getAscent()));
        }
    }

    /** A line of a block from {@code TextUtils.createTextBlock}, which makes one fragment per line. */
    private static String plain(org.jfree.chart.text.TextLine line) {
        org.jfree.chart.text.TextFragment f = line.getFirstTextFragment();
        return f == null ? "" : f.getText().strip();
    }
}
