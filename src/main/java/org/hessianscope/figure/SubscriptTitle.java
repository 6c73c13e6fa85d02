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
        java.text.AttributedCharacterIterator chars = Subscripts.attributed(text, getFont()).getIterator();
        // Wrapped as JFreeChart wraps the plain text (which sized this title), each line centred.
        java.awt.font.LineBreakMeasurer lines = new java.awt.font.LineBreakMeasurer(chars, g2.getFontRenderContext());
        float y = (float) area.getY();
        g2.setPaint(getPaint());
        while (lines.getPosition() < chars.getEndIndex()) {
            TextLayout layout = lines.nextLayout((float) area.getWidth());
            double width = layout.getAdvance();
            HorizontalAlignment align = getHorizontalAlignment();
            double x = align == HorizontalAlignment.LEFT ? area.getX()
                    : align == HorizontalAlignment.RIGHT ? area.getMaxX() - width
                    : area.getCenterX() - width / 2;
            y += layout.getAscent();
            layout.draw(g2, (float) x, y);
            y += layout.getDescent() + layout.getLeading();
        }
    }
}
