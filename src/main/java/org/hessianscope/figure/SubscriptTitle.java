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
 * one line is wrapped and drawn as typed by JFreeChart instead.
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
        TextLayout layout = new TextLayout(Subscripts.attributed(text, getFont()).getIterator(),
                g2.getFontRenderContext());
        double width = layout.getAdvance();
        if (width > area.getWidth()) {
            super.drawHorizontal(g2, area);
            return;
        }
        HorizontalAlignment align = getHorizontalAlignment();
        double x = align == HorizontalAlignment.LEFT ? area.getX()
                : align == HorizontalAlignment.RIGHT ? area.getMaxX() - width
                : area.getCenterX() - width / 2;
        g2.setPaint(getPaint());
        layout.draw(g2, (float) x, (float) (area.getY() + layout.getAscent()));
    }
}
