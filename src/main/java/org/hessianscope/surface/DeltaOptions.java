package org.hessianscope.surface;

import java.util.Arrays;
import org.hessianscope.task.InvalidSettingException;

/**
 * How to estimate Δ_{k+1}(σ) = E_{w∼N(θ̂, σ²I)}[(L_{k+1}(w) − L_k(w))²] ({@link DeltaMonteCarlo}). Defaults live
 * here and nowhere else.
 *
 * @param sigma    the perturbation scales σ, each positive
 * @param relative σ in units of ‖θ̂‖/√P (so that E‖w − θ̂‖² = σ²‖θ̂‖²), or absolute when false
 * @param draws    M, the draws of w for each σ
 * @param subspace d, the dimension of the random filter-normalised subspace the draws lie in, or {@link #FULL}
 *                 for the full parameter space
 * @param samples  the first this many training samples, in file order, are the sequence L_k is the mean of
 * @param kPoints  about this many k, spaced evenly in log k from 1 to samples − 1
 * @param seed     seed of the subspace's directions, of the draws and of the probes
 * @param probes   Rademacher probes of the Hutchinson estimate of ‖A‖_F² in the quadratic model's prediction, in
 *                 the full space of a network with more than {@link DeltaMonteCarlo#EXACT_FULL_MAX} parameters
 *                 (elsewhere the prediction is exact and the probes unused); 0 in results written before the
 *                 option existed reads as {@link #DEFAULT_PROBES}
 */
public record DeltaOptions(double[] sigma, boolean relative, int draws, int subspace, int samples, int kPoints,
                           long seed, int probes) {
    public static final double[] DEFAULT_SIGMA = {1e-3, 1e-2, 1e-1};
    public static final int DEFAULT_DRAWS = 64;
    public static final int DEFAULT_SUBSPACE = 50;
    /** In {@link #subspace()}: the full parameter space. */
    public static final int FULL = 0;
    public static final int DEFAULT_SAMPLES = 1000;
    public static final int DEFAULT_K_POINTS = 30;
    public static final int MAX_DRAWS = 100_000;
    public static final int MAX_SUBSPACE = 1000;
    public static final int MAX_SAMPLES = 1_000_000;
    public static final int MAX_SIGMAS = 20;
    /** Each probe costs one Hessian-vector product a sample (they share its forward pass) and P values of memory. */
    public static final int DEFAULT_PROBES = 16;
    public static final int MAX_PROBES = 1000;

    public DeltaOptions {
        if (sigma == null || sigma.length == 0 || sigma.length > MAX_SIGMAS) {
            throw new InvalidSettingException("{sigma} needs 1 to " + MAX_SIGMAS + " values, e.g. 1e-3,1e-2,1e-1");
        }
        for (double s : sigma) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new InvalidSettingException("{sigma} has " + s + "; each σ is a positive number");
            }
        }
        sigma = sigma.clone();
        if (draws < 2 || draws > MAX_DRAWS) {
            throw new InvalidSettingException("{draws} = " + draws + "; need 2 to " + MAX_DRAWS
                    + " (two at least, for a standard error)");
        }
        if (subspace < 0 || subspace > MAX_SUBSPACE) {
            throw new InvalidSettingException("{subspace} = " + subspace + "; need 1 to " + MAX_SUBSPACE
                    + ", or 0 for the full space");
        }
        if (samples < 2 || samples > MAX_SAMPLES) {
            throw new InvalidSettingException("{samples} = " + samples + "; need 2 to " + MAX_SAMPLES);
        }
        if (kPoints < 1 || kPoints > 10_000) {
            throw new InvalidSettingException("{kPoints} = " + kPoints + "; need 1 to 10000");
        }
        if (probes == 0) {
            probes = DEFAULT_PROBES;
        }
        if (probes < 1 || probes > MAX_PROBES) {
            throw new InvalidSettingException("{probes} = " + probes + "; need 1 to " + MAX_PROBES);
        }
    }

    /** The default number of probes. */
    public DeltaOptions(double[] sigma, boolean relative, int draws, int subspace, int samples, int kPoints,
                        long seed) {
        this(sigma, relative, draws, subspace, samples, kPoints, seed, DEFAULT_PROBES);
    }

    public static DeltaOptions defaults() {
        return new DeltaOptions(DEFAULT_SIGMA, true, DEFAULT_DRAWS, DEFAULT_SUBSPACE, DEFAULT_SAMPLES,
                DEFAULT_K_POINTS, 0L);
    }

    /**
     * What {@code analyze --delta} asks for, and the Landscape tab's Compute Δ: σ relative to ‖θ̂‖/√P, the default
     * samples, k grid and probes, and the analysis' seed, so the two store the same result for the same settings.
     */
    public static DeltaOptions ofAnalysis(double[] sigma, int draws, int subspace, long seed) {
        return new DeltaOptions(sigma, true, draws, subspace, DEFAULT_SAMPLES, DEFAULT_K_POINTS, seed);
    }

    /** The k of the result for a sequence of {@code n} samples: about kPoints values in log k from 1 to n − 1. */
    public int[] kGrid(int n) {
        int last = n - 1;
        int size = Math.min(kPoints, last);
        int[] out = new int[size];
        int prev = 0;
        for (int i = 0; i < size; i++) {
            int target = size == 1 ? last : (int) Math.round(Math.exp(Math.log(last) * i / (size - 1.0)));
            // Strictly increasing: where log spacing is finer than 1, take consecutive k.
            prev = Math.max(prev + 1, Math.min(target, last - (size - 1 - i)));
            out[i] = prev;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeltaOptions d && Arrays.equals(sigma, d.sigma) && relative == d.relative
                && draws == d.draws && subspace == d.subspace && samples == d.samples && kPoints == d.kPoints
                && seed == d.seed && probes == d.probes;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sigma) * 31 + draws * 7 + subspace;
    }

    @Override
    public String toString() {
        return "DeltaOptions[sigma=" + Arrays.toString(sigma) + (relative ? " relative" : " absolute") + ", draws="
                + draws + ", subspace=" + subspace + ", samples=" + samples + ", kPoints=" + kPoints + ", seed=" + seed
                + ", probes=" + probes + "]";
    }
}
