package org.hessianscope.figure;

import org.hessianscope.bounds.BoundHierarchy;
import org.hessianscope.bounds.BoundSweep;

/**
 * One trained network in the bound-versus-measured figure, all as log10 of ‖H_O‖ (weights only).
 *
 * @param x              the swept value it is plotted at (e.g. L)
 * @param paperLog10     the paper's bound that applies (Theorem 2, Lemma 3 or Lemma 4)
 * @param lemma2Log10    Lemma 2 with the true per-layer operator norms
 * @param measuredLog10  the measured max_i ‖H_O,i‖ over the samples used
 */
public record BoundLevels(double x, double paperLog10, double lemma2Log10, double measuredLog10) {

    /** A network's hierarchy plotted at {@code x} (its L, k, C or pool position). */
    public static BoundLevels of(double x, BoundHierarchy h) {
        return new BoundLevels(x, h.paper().log10(), h.lemma2Actual().log10(), Math.log10(h.measuredMax()));
    }

    /** A run of a sweep as its summary prints it, plotted at its swept value. */
    public static BoundLevels of(org.hessianscope.experiment.SweepRow row) {
        return new BoundLevels(row.x(), row.paperBoundLog10(), row.lemma2BoundLog10(), row.measuredLog10());
    }

    /** A row of an L sweep, plotted at its layer count. */
    public static BoundLevels of(BoundSweep.Row row) {
        return new BoundLevels(row.layers(), row.paperLog10(), row.lemma2ActualLog10(), row.measuredLog10());
    }
}
