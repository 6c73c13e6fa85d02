package org.hessianscope.curvature;

import org.hessianscope.linalg.SymmetricOperator;
import org.hessianscope.linalg.Vectors;
import org.hessianscope.task.ProgressMonitor;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The eigenvalue density by stochastic Lanczos quadrature. For a unit probe v, m Lanczos
 * steps give the Gauss quadrature of the spectral measure Σ_i (u_iᵀv)² δ(λ − λ_i): its
 * nodes are the Ritz values θ_j and its weights the squared FIRST components s_j[0]² of
 * the tridiagonal's eigenvectors (the first, because v is the first Lanczos vector; the
 * last components measure convergence, not mass). Averaging over probes estimates
 * (1/n) Σ_i δ(λ − λ_i), which a Gaussian of width σ smooths onto a grid.
 */
public final class SpectralDensity {

    public enum Probe { RADEMACHER, GAUSSIAN }

    /**
     * @param probes        random start vectors (each normalised to unit length)
     * @param steps         Lanczos steps per probe (clamped to the dimension)
     * @param sigmaFraction Gaussian kernel width σ as a fraction of the spread of all nodes
     * @param gridPoints    points of the evaluation grid, which spans the nodes padded by {@value #PAD_SIGMAS} σ
     */
    public record Options(int probes, int steps, double sigmaFraction, int gridPoints, Probe probe, long seed) {
        public Options {
            if (probes < 1) {
                throw new IllegalArgumentException("density probes is " + probes + "; it must be at least 1");
            }
            if (steps < 1) {
                throw new IllegalArgumentException("density Lanczos steps is " + steps + "; it must be at least 1");
            }
            if (!(sigmaFraction > 0) || !Double.isFinite(sigmaFraction)) {
                throw new IllegalArgumentException("density sigma fraction is " + sigmaFraction + "; it must be a positive number");
            }
            if (gridPoints < 2) {
                throw new IllegalArgumentException("density grid points is " + gridPoints + "; it must be at least 2");
            }
        }

        /** 10 Rademacher probes, 80 steps, σ = 1% of the spread, 1,000 grid points. */
        public static Options defaults(long seed) {
            return new Options(10, 80, 0.01, 1000, Probe.RADEMACHER, seed);
        }

        /** These settings with {@code s} Lanczos steps per probe. */
        public Options withSteps(int s) {
            return new Options(probes, s, sigmaFraction, gridPoints, probe, seed);
        }
    }

    /** The quadrature of one probe: Ritz values (ascending) and weights summing to 1. */
    public record Quadrature(double[] nodes, double[] weights) {
    }

    /** After each probe: its quadrature, for a live view. */
    public record Step(int probe, int probes, Quadrature quadrature) {
    }

    /**
     * @param grid         evaluation points, ascending and evenly spaced
     * @param values       the smoothed density at each, normalised so that its trapezoid integral over the grid is 1
     * @param sigma        the kernel width used
     * @param quadratures  one per probe
     */
    public record Result(double[] grid, double[] values, double sigma, Quadrature[] quadratures) {
    }

    static final double PAD_SIGMAS = 6;

    private SpectralDensity() {
    }

    public static Result estimate(SymmetricOperator op, Options options) {
        return estimate(op, options, ProgressMonitor.NONE, s -> { });
    }

    public static Result estimate(SymmetricOperator op, Options options, ProgressMonitor monitor, Consumer<Step> listener) {
        int n = op.dimension();
        int steps = Math.min(options.steps(), n);
        SplittableRandom rng = new SplittableRandom(options.seed());
        Quadrature[] quads = new Quadrature[options.probes()];
        for (int p = 0; p < options.probes(); p++) {
            double[] v = options.probe() == Probe.RADEMACHER ? Vectors.rademacher(n, rng) : Vectors.gaussian(n, rng);
            LanczosProcess.Krylov krylov = LanczosProcess.run(op, v, steps, monitor, (m, t, b, inv) -> true);
            quads[p] = quadrature(krylov.tridiagonal().eigen());
            listener.accept(new Step(p + 1, options.probes(), quads[p]));
            monitor.progress(p + 1, options.probes(), "density probe " + (p + 1) + "/" + options.probes());
        }
        return smooth(quads, options);
    }

    /** Gauss quadrature of the spectral measure of the first Lanczos vector: weights are squared first components. */
    static Quadrature quadrature(Tridiagonal.Eigen eigen) {
        double[] nodes = eigen.values().clone();
        double[] weights = new double[nodes.length];
        for (int j = 0; j < nodes.length; j++) {
            double s = eigen.firstComponent(j);
            weights[j] = s * s;
        }
        return new Quadrature(nodes, weights);
    }

    static Result smooth(Quadrature[] quads, Options options) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Quadrature q : quads) {
            lo = Math.min(lo, q.nodes()[0]);
            hi = Math.max(hi, q.nodes()[q.nodes().length - 1]);
        }
        double spread = hi - lo;
        if (spread <= 0) {
            // A single eigenvalue: give the kernel a width relative to its size (or 1 at zero).
            spread = Math.max(Math.abs(hi), 1.0);
        }
        double sigma = options.sigmaFraction() * spread;
        double start = lo - PAD_SIGMAS * sigma;
        double h = (hi - lo + 2 * PAD_SIGMAS * sigma) / (options.gridPoints() - 1);
        double[] grid = new double[options.gridPoints()];
        double[] values = new double[grid.length];
        double norm = 1.0 / (quads.length * sigma * Math.sqrt(2 * Math.PI));
        for (int g = 0; g < grid.length; g++) {
            grid[g] = start + g * h;
            double s = 0;
            for (Quadrature q : quads) {
                for (int j = 0; j < q.nodes().length; j++) {
                    double d = (grid[g] - q.nodes()[j]) / sigma;
                    s += q.weights()[j] * Math.exp(-0.5 * d * d);
                }
            }
            values[g] = s * norm;
        }
        double integral = trapezoid(grid, values);
        for (int g = 0; g < values.length; g++) {
            values[g] /= integral;
        }
        return new Result(grid, values, sigma, quads);
    }

    /** ∫ values over the grid by the trapezoid rule. */
    public static double trapezoid(double[] grid, double[] values) {
        double s = 0;
        for (int g = 1; g < grid.length; g++) {
            s += 0.5 * (values[g] + values[g - 1]) * (grid[g] - grid[g - 1]);
        }
        return s;
    }
}
