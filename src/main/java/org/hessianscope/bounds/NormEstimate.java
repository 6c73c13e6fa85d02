package org.hessianscope.bounds;

/**
 * An operator norm found iteratively: {@code value}, how many iterations it took,
 * whether the relative change fell below the tolerance, and the last relative change.
 */
public record NormEstimate(double value, int iterations, boolean converged, double lastRelativeChange) {

    /** A norm known in closed form. */
    public static NormEstimate exact(double value) {
        return new NormEstimate(value, 0, true, 0);
    }
}
