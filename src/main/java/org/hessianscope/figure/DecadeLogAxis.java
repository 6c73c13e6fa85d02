package org.hessianscope.figure;

import java.awt.Graphics2D;
import java.awt.font.TextAttribute;
import java.awt.geom.Rectangle2D;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 log axis labelled at whole decades, as the paper's figures are, which still labels
 * a range narrower than one decade (the losses of a one-epoch run): there, no power of ten falls
 * inside, so it labels 1, 2 and 5 × 10^e instead (every mantissa 1..9 when even those miss).
 */
final class DecadeLogAxis extends LogAxis {
    private static final int[] ROUND = {1, 2, 5};
    private static final int[] EVERY = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    DecadeLogAxis(String label) {
        super(label);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<Tick> ticks = super.refreshTicks(g2, state, dataArea, edge);
        if (labelled(ticks) >= 2) {
            List<Tick> fitting = fitting(ticks, g2, dataArea, edge);
            state.setTicks(fitting);
            return fitting;
        }
        List<Tick> within = withinDecade(ROUND, edge);
        if (labelled(within) < 2) {
            within = withinDecade(EVERY, edge);
        }
        List<Tick> out = new ArrayList<>();
        // Keep the minor marks; the labelled ticks replace the (unlabelled) majors outside the range.
        for (Tick t : ticks) {
            if (t instanceof ValueTick v && v.getTickType() == TickType.MINOR) {
                out.add(t);
            }
        }
        out.addAll(within);
        out = fitting(out, g2, dataArea, edge);
        state.setTicks(out);
        return out;
    }

    /**
     * {@code ticks} with labels dropped at a regular step until the labels fit along the axis, each
     * with a gap of a third of the font size: how many fit follows the plot's length and the tick font
     * (presenter mode's larger font, a short panel), so labels never print over each other. A tick
     * whose label is dropped keeps its mark and grid line.
     */
    List<Tick> fitting(List<Tick> ticks, Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        double length = vertical ? dataArea.getHeight() : dataArea.getWidth();
        double gap = getTickLabelFont().getSize2D() / 3;
        List<Integer> labelled = new ArrayList<>();
        double size = 0;
        for (int i = 0; i < ticks.size(); i++) {
            Rectangle2D box = labelBounds(ticks.get(i), g2);
            if (box != null) {
                labelled.add(i);
                size = Math.max(size, (vertical ? box.getHeight() : box.getWidth()) + gap);
            }
        }
        int room = Math.max(1, (int) Math.floor(length / Math.max(size, 1)));
        if (labelled.size() <= room) {
            return ticks;
        }
        // Powers of ten first (as the paper labels its axes), when at least two of them are labelled.
        List<Integer> decades = labelled.stream().filter(i -> decade(((ValueTick) ticks.get(i)).getValue())).toList();
        List<Integer> kept = decades.size() >= 2 ? decades : labelled;
        int step = (kept.size() + room - 1) / room;
        List<Tick> out = new ArrayList<>(ticks);
        for (int i : labelled) {
            int j = kept.indexOf(i);
            if (j < 0 || j % step != 0) {
                ValueTick t = (ValueTick) ticks.get(i);
                out.set(i, new LogTick(t.getTickType(), t.getValue(), null, t.getTextAnchor()));
            }
        }
        return out;
    }

    private static boolean decade(double v) {
        double e = Math.log10(v);
        return Math.abs(e - Math.rint(e)) < 1e-9;
    }

    /** The drawn size of {@code tick}'s label in the tick font, or null when it has none. */
    Rectangle2D labelBounds(Tick tick, Graphics2D g2) {
        java.text.AttributedCharacterIterator text = null;
        if (tick instanceof LogTick l && l.getAttributedLabel() != null) {
            text = l.getAttributedLabel().getIterator();
        } else if (!(tick instanceof LogTick) && tick.getText() != null && !tick.getText().isEmpty()) {
            AttributedString s = new AttributedString(tick.getText());
            s.addAttributes(getTickLabelFont().getAttributes(), 0, tick.getText().length());
            text = s.getIterator();
        }
        if (text == null || text.getEndIndex() == text.getBeginIndex()) {
            return null;
        }
        return new java.awt.font.TextLayout(text, g2.getFontRenderContext()).getBounds();
    }

    /** Labelled ticks inside the axis range. */
    private int labelled(List<Tick> ticks) {
        int n = 0;
        for (Tick t : ticks) {
            if (t instanceof ValueTick v && v.getTickType() == TickType.MAJOR && getRange().contains(v.getValue())
                    && (t instanceof LogTick l ? l.getAttributedLabel() != null : t.getText() != null && !t.getText().isEmpty())) {
                n++;
            }
        }
        return n;
    }

    /** Ticks at m × 10^e for the given mantissas m, inside the range. */
    private List<Tick> withinDecade(int[] mantissas, RectangleEdge edge) {
        List<Tick> out = new ArrayList<>();
        double lower = getLowerBound();
        double upper = getUpperBound();
        if (!(lower > 0) || !(upper > lower)) {
            return out;
        }
        int from = (int) Math.floor(Math.log10(lower));
        int to = (int) Math.ceil(Math.log10(upper));
        TextAnchor anchor = RectangleEdge.isLeftOrRight(edge)
                ? edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT
                : edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        for (int e = from; e <= to; e++) {
            for (int m : mantissas) {
                double v = m * Math.pow(10, e);
                if (v >= lower && v <= upper) {
                    out.add(new LogTick(TickType.MAJOR, v, label(m, e), anchor));
                }
            }
        }
        return out;
    }

    /** "m×10^e" with the exponent raised, in the tick font; "10^e" when m is 1. */
    AttributedString label(int m, int e) {
        String prefix = m == 1 ? "" : m + "×";
        String exponent = e < 0 ? "\u2212" + (-e) : Integer.toString(e);
        String text = prefix + "10" + exponent;
        AttributedString s = new AttributedString(text);
        s.addAttributes(getTickLabelFont().getAttributes(), 0, text.length());
        s.addAttribute(TextAttribute.SUPERSCRIPT, TextAttribute.SUPERSCRIPT_SUPER, prefix.length() + 2, text.length());
        return s;
    }
}
