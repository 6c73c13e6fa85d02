package org.hessianscope.surface;

/**
 * Δ_{k+1}(σ) = E_{w∼N(θ̂, σ²I)}[(L_{k+1}(w) − L_k(w))²] estimated by Monte Carlo, next to the quadratic model's
 * closed form (docs/delta.md). Row s of each table is {@code sigma[s]}, column j is {@code k[j]}.
 *
 * @param options        what was asked
 * @param parameterCount P
 * @param thetaNorm      ‖θ̂‖
 * @param samples        the length N of the sequence (the first N training samples in file order)
 * @param sigmaAbsolute  σ in parameter units: E‖w − θ̂‖² = σ²P in either space
 * @param coordinateScale in a subspace, the standard deviation τ of each coordinate α_j of w = θ̂ + Σ α_j d_j
 *                       (τ = σ√P / ‖D‖_F, so E‖w − θ̂‖² = σ²P there too); σ itself in the full space
 * @param k              the k of the columns, in log spacing
 * @param mean           the Monte Carlo mean of (L_{k+1}(w) − L_k(w))² over the draws
 * @param standardError  its standard error, the draws' sample standard deviation over √M
 * @param quadratic      the closed form E[(c + bᵀδ + ½δᵀAδ)²] of the quadratic model at θ̂, or null where it
 *                       was not computed ({@code quadraticNote} says why)
 * @param quadraticStandardError the standard error of {@code quadratic} where its ‖A‖_F² is a Hutchinson
 *                       estimate (the full space of a network with more than {@link DeltaMonteCarlo#EXACT_FULL_MAX}
 *                       parameters), or null where {@code quadratic} is exact
 * @param quadraticNote  how the quadratic prediction was computed
 */
public record DeltaResult(DeltaOptions options, int parameterCount, double thetaNorm, int samples,
                          double[] sigmaAbsolute, double[] coordinateScale, int[] k, double[][] mean,
                          double[][] standardError, double[][] quadratic, double[][] quadraticStandardError,
                          String quadraticNote) {

    /** The space the draws lie in, for labels: "full space" or "random filter-normalised subspace of dimension d". */
    public String space() {
        return options.subspace() == DeltaOptions.FULL ? "full space"
                : "random filter-normalised subspace of dimension " + options.subspace();
    }
}
