package org.hessianscope.figure;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;

import java.text.DecimalFormat;

/** Axis factory: log axes label their ticks as powers of ten, as the paper's figures do. */
final class Axes {
    /** Ticks only at whole powers of ten: 10^0.5 labels read as noise on a figure. */
    private static final TickUnits WHOLE_DECADES = new TickUnits();

    static {
        for (int step : new int[] {1, 2, 3, 5, 10, 20, 50, 100}) {
            WHOLE_DECADES.add(new NumberTickUnit(step, new DecimalFormat("0")));
        }
    }

    private Axes() {
    }

    static ValueAxis of(String label, boolean log, FigureStyle style) {
        ValueAxis axis;
        if (log) {
            LogAxis a = new DecadeLogAxis(label);
            a.setBase(10);
            a.setBaseSymbol("10");
            a.setMinorTickMarksVisible(true);
            a.setStandardTickUnits(WHOLE_DECADES);
            // The default smallest value (1e-100) lets autorange swallow a stray tiny value;
            // curves reach 1e-12 at most, so nothing real is cut.
            a.setSmallestValue(1e-300);
            axis = a;
        } else {
            NumberAxis a = new NumberAxis(label);
            a.setAutoRangeIncludesZero(false);
            axis = a;
        }
        axis.setLabelFont(style.labelFont());
        axis.setTickLabelFont(style.tickFont());
        if (label != null && label.indexOf('_') >= 0) {
            // "L_{k+1}" drawn with a lowered k+1, not as typed (issue 17, defect 16).
            axis.setAttributedLabel(Subscripts.attributed(label, style.labelFont()));
        }
        return axis;
    }

    /** A linear axis whose ticks fall on whole numbers (layer counts, Lanczos steps). */
    static NumberAxis integer(String label, FigureStyle style) {
        NumberAxis a = (NumberAxis) of(label, false, style);
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return a;
    }
}
