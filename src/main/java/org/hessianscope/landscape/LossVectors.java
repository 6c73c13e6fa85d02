package org.hessianscope.landscape;

import java.util.List;

/** Input checks shared by every loss-difference entry point. */
final class LossVectors {
    private LossVectors() {
    }

    static void requireValid(double[] losses, String name) {
        if (losses == null) {
            throw new IllegalArgumentException(name + ": no losses given");
        }
        if (losses.length < 2) {
            throw new IllegalArgumentException(name + ": need at least 2 per-sample losses to form a difference, got "
                    + losses.length);
        }
        for (int i = 0; i < losses.length; i++) {
            if (!Double.isFinite(losses[i])) {
                throw new IllegalArgumentException(name + ": loss at index " + i + " is " + losses[i]
                        + "; every per-sample loss must be a finite number");
            }
        }
    }

    /** Runs compared on one set of orderings must index the same samples. */
    static int requireSameLength(List<double[]> runs) {
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("runs: need at least one loss vector to compare");
        }
        int n = runs.get(0) == null ? 0 : runs.get(0).length;
        for (int r = 0; r < runs.size(); r++) {
            requireValid(runs.get(r), "run " + r);
            if (runs.get(r).length != n) {
                throw new IllegalArgumentException("run " + r + " has " + runs.get(r).length
                        + " losses but run 0 has " + n + "; compared runs must share the same samples");
            }
        }
        return n;
    }
}
