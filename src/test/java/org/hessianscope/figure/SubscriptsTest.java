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
}
