package org.hessianscope.curvature;

/**
 * The running state after one Lanczos step, for a live convergence plot: the current
 * Ritz values at both ends and their residual norms.
 *
 * @param step     steps done (operator products so far)
 * @param maxSteps steps planned
 * @param top      largest Ritz values so far, descending
 * @param bottom   smallest Ritz values so far, ascending
 */
public record LanczosStep(int step, int maxSteps, double[] top, double[] topResiduals,
                          double[] bottom, double[] bottomResiduals) {
}
