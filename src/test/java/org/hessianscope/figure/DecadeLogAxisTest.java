package org.hessianscope.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.AttributedCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/** Issue 17, defect 10: chart 4 lost its tick labels when the losses spanned less than a decade. */
class DecadeLogAxisTest {
    private static List<String> labels(ValueAxis axis, RectangleEdge edge) {
        BufferedImage img = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        List<String> out = new ArrayList<>();
        for (Object t : axis.refreshTicks(g2, new AxisState(), new Rectangle2D.Double(50, 20, 500, 300), edge)) {
            ValueTick v = (ValueTick) t;
            if (v.getTickType() == TickType.MAJOR && axis.getRange().contains(v.getValue())
                    && v instanceof LogTick l && l.getAttributedLabel() != null) {
                AttributedCharacterIterator it = l.getAttributedLabel().getIterator();
                StringBuilder s = new StringBuilder();
                for (char c = it.first(); c != AttributedCharacterIterator.DONE; c = it.next()) {
                    s.append(c);
                }
                out.add(s.toString());
            }
        }
        g2.dispose();
        return out;
    }

    @Test
    void lessThanADecadeIsLabelledAtOneTwoAndFive() {
        ValueAxis axis = Axes.of("loss", true, FigureStyle.screen());
        axis.setRange(0.15, 0.9);
        // No power of ten in [0.15, 0.9]; 2×10⁻¹ and 5×10⁻¹ are.
        assertEquals(List.of("2×10\u22121", "5×10\u22121"), labels(axis, RectangleEdge.BOTTOM));
        axis.setRange(0.31, 0.45);
        // Neither 2 nor 5 × 10^e inside: every mantissa 1..9 is tried, and 4×10⁻¹ alone is inside.
        assertEquals(List.of("4×10\u22121"), labels(axis, RectangleEdge.LEFT));
    }

    @Test
    void wholeDecadesStayAsTheyWere() {
        ValueAxis axis = Axes.of("loss", true, FigureStyle.screen());
        axis.setRange(1e-4, 10);
        List<String> l = labels(axis, RectangleEdge.BOTTOM);
        assertEquals(true, l.size() >= 2 && l.stream().noneMatch(s -> s.contains("×")), l.toString());
    }

    @Test
    void chartFourOfAOneEpochRunHasLabelledTicksOnBothAxes() {
        double[] losses = {0.21, 0.3, 0.42, 0.55, 0.7};
        double[] ggn = {2.2, 3.1, 4.0, 5.3, 6.5};
        JFreeChart four = PerSampleFigure.chart(losses, ggn, null, FigureStyle.screen());
        four.createBufferedImage(600, 400); // lays the axes out and autoranges them
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) four.getPlot();
        assertEquals(true, labels(plot.getDomainAxis(), RectangleEdge.BOTTOM).size() >= 2,
                labels(plot.getDomainAxis(), RectangleEdge.BOTTOM).toString());
        // The title keeps clear of the top tick label, which reaches half a line above the plot.
        assertEquals(true, four.getTitle().getPadding().getBottom() >= FigureStyle.screen().fontSize() / 2,
                "title padding " + four.getTitle().getPadding());
        XYPlot panel = (XYPlot) plot.getSubplots().get(0);
        assertEquals(true, labels(panel.getRangeAxis(), RectangleEdge.LEFT).size() >= 2,
                labels(panel.getRangeAxis(), RectangleEdge.LEFT).toString());
    }
}
