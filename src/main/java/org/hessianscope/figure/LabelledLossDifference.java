package org.hessianscope.figure;

import org.hessianscope.landscape.LossDifferenceResult;

/**
 * One run's loss-difference result with the name it gets in the legend (e.g. "2" for L = 2
 * under the legend title "L (num of layers)") and its colour index into {@link Palette}.
 */
public record LabelledLossDifference(String label, LossDifferenceResult result, int colour) {
    public LabelledLossDifference {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a run needs a non-empty label for the legend");
        }
        if (result == null) {
            throw new IllegalArgumentException("run '" + label + "' has no loss-difference result");
        }
        Palette.colour(colour);
    }
}
