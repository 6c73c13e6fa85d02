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
        return labels(axis, edge, new Rectangle2D.Double(50, 20, 500, 300));
    }

    private static List<String> labels(ValueAxis axis, RectangleEdge edge, Rectangle2D area) {
        BufferedImage img = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        List<String> out = new ArrayList<>();
        for (Object t : axis.refreshTicks(g2, new AxisState(), area, edge)) {
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

    @Test
    void aShortPanelInPresenterModeKeepsOnlyTheLabelsThatFit() {
        // Chart 4's upper panel at 1280×720 in presenter mode 1.25× (fonts × √1.25): 45 px for 5×10⁻⁵ … 20,
        // where 1, 2 and 5 × 10^e gave 17 labels printed over each other.
        ValueAxis axis = Axes.of("‖H_O,i‖", true, FigureStyle.screen().scaled(Math.sqrt(1.25), 1.25));
        axis.setRange(5e-5, 20);
        Rectangle2D panel = new Rectangle2D.Double(50, 20, 230, 45);
        List<String> l = labels(axis, RectangleEdge.LEFT, panel);
        double line = new java.awt.font.TextLayout("10−5", axis.getTickLabelFont(),
                new java.awt.font.FontRenderContext(null, true, true)).getBounds().getHeight();
        // Each label is at least a line high: only ⌊45 / line⌋ fit, and those are whole decades, at a regular step.
        assertEquals(true, l.size() >= 2 && l.size() * line <= panel.getHeight(), l + ", line " + line);
        assertEquals(true, l.stream().noneMatch(s -> s.contains("×")), l.toString());
        // Room for the whole axis: every decade 10⁻⁴ … 10¹ is labelled, none dropped.
        assertEquals(6, labels(axis, RectangleEdge.LEFT, new Rectangle2D.Double(50, 20, 230, 2000)).size());
    }
}
