package org.hessianscope.surface;

import java.util.function.IntFunction;
import org.hessianscope.task.ProgressMonitor;

/**
 * A sequence of per-sample losses ℓ_1(w), ..., ℓ_N(w) over parameters w, with their gradients and Hessian-vector
 * products: what {@link DeltaMonteCarlo} needs of a model. The network's is {@link NetworkObjective}; tests use
 * an exactly quadratic one. Every method must give the same values for any thread count.
 */
public interface PerSampleObjective {
    int parameterCount();

    /** N, the length of the sequence. */
    int size();

    /** ℓ_i(w) for every i, in order. */
    double[] losses(double[] w, ProgressMonitor monitor);

    /** ℓ_i(w), ∇ℓ_i(w) and ∇²ℓ_i(w) v_j for every j, of sample i alone. */
    SampleTaylor taylor(int i, double[] w, double[][] vs);

    /** tr ∇²ℓ_i(w) of sample i alone, exactly (not estimated): the full space's quadratic prediction needs it. */
    double hessianTrace(int i, double[] w);

    /**
     * Runs {@code work} on items 0..n−1, in parallel where the model can; each item writes only its own results.
     * Cancellation is checked between items.
     */
    void forEach(int n, ProgressMonitor monitor, IntFunction<String> work);

    /** The layout-aware filter normalisation of a random direction d at θ (in place), for the subspace. */
    void filterNormalise(double[] d, double[] theta);

    /** One sample's loss, gradient and Hessian-vector products. */
    record SampleTaylor(double loss, double[] gradient, double[][] hessianTimes) {
    }
}
