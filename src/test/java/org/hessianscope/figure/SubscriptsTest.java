package org.hessianscope.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Font;
import java.awt.font.TextAttribute;
import java.text.AttributedCharacterIterator;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/** Issue 17, defect 16: titles and axes showed a raw "L_{k+1}". */
class SubscriptsTest {
    @Test
    void subscriptsWithUnicodeFormsAreWrittenAsThem() {
        assertEquals("|Lₖ₊₁ − Lₖ|", Subscripts.render("|L_{k+1} − L_k|"));
        assertEquals("per-sample loss ℓᵢ", Subscripts.render("per-sample loss ℓ_i"));
        // No subscript capital O: left as typed rather than half converted.
        assertEquals("‖H_O‖", Subscripts.render("‖H_O‖"));
        assertEquals("Hessian spectrum", Subscripts.render("Hessian spectrum"));
    }

    @Test
    void axisLabelsLowerEverySubscriptAndKeepThePlainLabelForCsv() {
        Font f = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        AttributedCharacterIterator it = Subscripts.attributed("‖H_O,i‖ of L_{k+1}", f).getIterator();
        StringBuilder text = new StringBuilder();
        StringBuilder low = new StringBuilder();
        for (char c = it.first(); c != AttributedCharacterIterator.DONE; c = it.next()) {
            text.append(c);
            if (TextAttribute.SUPERSCRIPT_SUB.equals(it.getAttribute(TextAttribute.SUPERSCRIPT))) {
                low.append(c);
            }
        }
        assertEquals("‖HO,i‖ of Lk+1", text.toString());
        assertEquals("Ok+1", low.toString());
    }

    @Test
    void chartOneDrawsItsTitleAndAxisWithSubscripts() {
        JFreeChart one = LossDifferenceFigure.chart(LossDifferenceFixtures.runs(60, 8, 2), FigureStyle.screen());
        assertEquals("Loss difference |Lₖ₊₁ − Lₖ|", one.getTitle().getText());
        assertEquals("|L_{k+1} − L_k|", one.getXYPlot().getRangeAxis().getLabel(), "the CSV header stays plain");
        assertEquals(true, one.getXYPlot().getRangeAxis().getAttributedLabel() != null);
    }
    @Test
    void aTitleSizedAsOneLineIsDrawnInOneLine() {
        // Chart 3's title in a window where it just fits: JFreeChart sizes it from the plain text, one line as wide
        // as that text. Re-wrapping the subscripted text to that width broke it before "value", which was drawn
        // below the title's area, under the plot. Every pixel of ink must lie inside the area it was given.
        Font font = FigureFonts.of(Font.BOLD, 18);
        for (String text : new String[] {"Bounds on ‖H_O‖ against the measured value", "Loss difference |L_{k+1} − L_k|",
                "Bounds on ‖H_O‖ against the measured value, and a second line of words to wrap"}) {
            for (int width : new int[] {260, 340, 420, 900}) {
                SubscriptTitle title = new SubscriptTitle(text, font);
                title.setPadding(new org.jfree.chart.ui.RectangleInsets(0, 0, 0, 0));
                java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, 400,
                        java.awt.image.BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D g2 = image.createGraphics();
                g2.setColor(java.awt.Color.WHITE);
                g2.fillRect(0, 0, width, 400);
                org.jfree.chart.ui.Size2D size = title.arrange(g2, new org.jfree.chart.block.RectangleConstraint(
                        width, new org.jfree.data.Range(0, width), org.jfree.chart.block.LengthConstraintType.RANGE,
                        0, null, org.jfree.chart.block.LengthConstraintType.NONE));
                int h = (int) Math.ceil(size.getHeight());
                title.draw(g2, new java.awt.geom.Rectangle2D.Double((width - size.getWidth()) / 2, 0,
                        size.getWidth(), size.getHeight()));
                g2.dispose();
                int lowest = -1;
                for (int y = 0; y < 400; y++) {
                    for (int x = 0; x < width; x++) {
                        if ((image.getRGB(x, y) & 0xff) < 128) {
                            lowest = y;
                        }
                    }
                }
                org.junit.jupiter.api.Assertions.assertTrue(lowest >= 0, "something drawn");
                // A lowered subscript may reach a third of the font size below the plain line; a wrongly wrapped
                // word lies a whole line (about 22 px here) below.
                org.junit.jupiter.api.Assertions.assertTrue(lowest < h + 0.35 * font.getSize2D(),
                        "'" + text + "' at " + width + " px: ink at y = " + lowest + ", below its " + h + " px");
            }
        }
    }
}
