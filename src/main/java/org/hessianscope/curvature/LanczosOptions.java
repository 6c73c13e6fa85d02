package org.hessianscope.curvature;

import java.util.ArrayList;
import java.util.List;

/**
 * How to run {@link Lanczos}.
 *
 * @param maxSteps  Lanczos steps (operator products) at most; more than the dimension is clamped to it
 *                  with a note, since the Krylov space cannot grow past it
 * @param top       how many of the largest eigenvalues to report
 * @param bottom    how many of the smallest eigenvalues to report
 * @param tolerance a Ritz value counts as converged when its residual ≤ tolerance · max|θ|; once all
 *                  wanted ones have, the run stops early
 * @param seed      seed of the Gaussian start vector
 * @param vectors   whether to form the Ritz vectors (costs m·n more multiply-adds per wanted value)
 */
public record LanczosOptions(int maxSteps, int top, int bottom, double tolerance, long seed, boolean vectors) {

    public static final int DEFAULT_STEPS = 40;
    public static final int DEFAULT_COUNT = 5;
    public static final double DEFAULT_TOLERANCE = 1e-8;

    public LanczosOptions {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("Lanczos steps is " + maxSteps + "; it must be at least 1");
        }
        if (top < 0 || bottom < 0 || top + bottom == 0) {
            throw new IllegalArgumentException("Lanczos asks for " + top + " top and " + bottom
                    + " bottom eigenvalues; ask for at least one, none negative");
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("Lanczos tolerance is " + tolerance + "; it must be a positive number");
        }
    }

    /** 40 steps, top and bottom 5, tolerance 1e-8, seed 0, no vectors. */
    public static LanczosOptions defaults() {
        return new LanczosOptions(DEFAULT_STEPS, DEFAULT_COUNT, DEFAULT_COUNT, DEFAULT_TOLERANCE, 0L, false);
    }

    public LanczosOptions withSteps(int steps) {
        return new LanczosOptions(steps, top, bottom, tolerance, seed, vectors);
    }

    public LanczosOptions withCounts(int top, int bottom) {
        return new LanczosOptions(maxSteps, top, bottom, tolerance, seed, vectors);
    }

    public LanczosOptions withSeed(long seed) {
        return new LanczosOptions(maxSteps, top, bottom, tolerance, seed, vectors);
    }

    /** The step count actually used on an operator of {@code dimension}; adds a note to {@code notes} when clamped. */
    int stepsFor(int dimension, List<String> notes) {
        if (top > dimension || bottom > dimension) {
            throw new IllegalArgumentException("asked for " + Math.max(top, bottom) + " eigenvalues but the operator has dimension "
                    + dimension + " (the number of parameters); ask for at most " + dimension);
        }
        int steps = maxSteps;
        if (steps > dimension) {
            notes.add("Lanczos steps " + maxSteps + " clamped to the dimension " + dimension);
            steps = dimension;
        }
        int wanted = Math.max(top, bottom);
        if (wanted > steps) {
            throw new IllegalArgumentException("asked for " + wanted + " eigenvalues with only " + steps
                    + " Lanczos steps; use at least " + wanted + " steps");
        }
        return steps;
    }

    static List<String> newNotes() {
        return new ArrayList<>();
    }
}
