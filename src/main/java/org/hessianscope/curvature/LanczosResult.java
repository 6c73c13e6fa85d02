package org.hessianscope.curvature;

import java.util.List;

/**
 * Extremal eigenvalue estimates of a symmetric operator.
 *
 * @param top               largest Ritz values, descending
 * @param topResiduals      ‖A y − θ y‖ = |β_m · s_m| for each, an upper bound on the distance to an eigenvalue
 * @param bottom            smallest Ritz values, ascending
 * @param bottomResiduals   residuals of {@code bottom}
 * @param topVectors        unit Ritz vectors of {@code top} (empty unless asked for)
 * @param bottomVectors     unit Ritz vectors of {@code bottom} (empty unless asked for)
 * @param ritzValues        all m Ritz values, ascending
 * @param steps             Lanczos steps done (= operator products)
 * @param converged         every wanted value met the tolerance and as many as asked were found
 * @param invariantSubspace the Krylov space stopped growing (β ≈ 0): the Ritz values are exact eigenvalues,
 *                          though multiplicities are lost and fewer values than asked may come back
 * @param notes             anything the caller should know (clamping, breakdown)
 */
public record LanczosResult(double[] top, double[] topResiduals, double[] bottom, double[] bottomResiduals,
                            double[][] topVectors, double[][] bottomVectors, double[] ritzValues,
                            int steps, boolean converged, boolean invariantSubspace, List<String> notes) {

    /** The spectral norm estimate max(|θ_max|, |θ_min|) over all Ritz values. */
    public double largestMagnitude() {
        return Math.max(Math.abs(ritzValues[0]), Math.abs(ritzValues[ritzValues.length - 1]));
    }
}
