package org.hessianscope.surface;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.LossGradient;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.PerSampleOutputs;
import org.hessianscope.task.InvalidSettingException;
import org.hessianscope.task.Phases;
import org.hessianscope.task.ProgressMonitor;

/**
 * A slice of the loss landscape around θ̂ (docs/surface.md). At every grid point w = θ̂ + Σ α_a v_a, one forward
 * pass per subset sample, in subset order on one worker, gives the per-sample losses and predictions; L_k,
 * accuracy and σ(ℓ) follow from them. Grid points are independent items on the engine's pool, each writing only
 * its own cells, so the result is bit-identical for any thread count.
 */
public final class Surface {

    private Surface() {
    }

    /**
     * Computes the slice of {@code options} with the direction kind {@code kind} (normally
     * {@code DirectionKinds.byKey(options.directions())}).
     *
     * @param train the training set; the subset is its first {@code options.samples()} samples
     * @param init  θ₀ or null
     * @param run   the run folder or null
     */
    public static SurfaceResult compute(Engine engine, Model model, Samples train, double[] init, java.nio.file.Path run,
                                        SurfaceOptions options, Directions kind, ProgressMonitor monitor) {
        if (options.dims() > kind.maxDims()) {
            throw new InvalidSettingException("{directions} = " + kind.key() + " makes at most " + kind.maxDims()
                    + " direction(s); ask for {dims} = " + kind.maxDims());
        }
        int n = Math.min(options.samples(), train.size());
        if (n < 2) {
            throw new InvalidSettingException("{samples}: the training set has " + train.size()
                    + " sample(s); σ(ℓ) needs at least 2");
        }
        Samples subset = train.first(n);
        int[] ks = options.resolveK(n);
        Phases phases = new Phases(monitor, phases(options, kind, n, ks));

        ProgressMonitor dm = phases.phase(0);
        List<Direction> directions = kind.directions(new DirectionsInput(engine, model, subset, init, run, options),
                options.dims(), dm);
        dm.checkCancelled();
        requireSizes(directions, model.parameterCount(), options.dims());

        double[] coordinates = coordinates(options.grid(), options.range());
        List<SurfaceAxis> axes = new ArrayList<>();
        for (Direction d : directions) {
            axes.add(new SurfaceAxis(d.label(), coordinates.clone(), d.vector(), d.eigenvalue()));
        }

        ProgressMonitor qm = phases.phase(1);
        List<QuadraticModel> quadratic = new ArrayList<>();
        for (int g = 0; g < ks.length; g++) {
            qm.checkCancelled();
            quadratic.add(quadratic(engine, model, subset.first(ks[g]), ks[g], axes));
            qm.progress(g + 1, ks.length, "k = " + ks[g]);
        }

        Grid grid = grid(engine, model, subset, ks, axes, phases.phase(2));
        return new SurfaceResult(kind.key(), options.operator(), options.seed(), kind.units(), axes, n, ks,
                grid.loss, grid.accuracy, grid.sigma, quadratic);
    }

    /**
     * The phases in per-sample forward passes, from the ratios of Curvature.phases (docs/benchmarks.md): a Lanczos
     * step with reorthogonalisation about 12 a sample, a gradient and two H v about 20 a sample, a grid point 1.
     */
    static List<Phases.Phase> phases(SurfaceOptions options, Directions kind, int n, int[] ks) {
        int points = options.dims() == 2 ? options.grid() * options.grid() : options.grid();
        long sumK = 0;
        for (int k : ks) {
            sumK += k;
        }
        return List.of(
                new Phases.Phase("directions", kind instanceof HessianDirections ? 12.0 * options.lanczosSteps() * n : 1.0),
                new Phases.Phase("quadratic model", 20.0 * sumK),
                new Phases.Phase("grid", (double) points * n));
    }

    /** The expected cost of {@link #compute} in per-sample forward passes on a training set of {@code size}. */
    public static double cost(SurfaceOptions options, int size) {
        int n = Math.max(2, Math.min(options.samples(), size));
        return phases(options, DirectionKinds.byKey(options.directions()), n, options.resolveK(n)).stream()
                .mapToDouble(Phases.Phase::weight).sum();
    }

    /** {@code grid} coordinates from −range to range, exactly symmetric, with an exact 0 in the middle. */
    public static double[] coordinates(int grid, double range) {
        double[] c = new double[grid];
        int half = (grid - 1) / 2;
        for (int i = 0; i < grid; i++) {
            c[i] = range * (i - half) / half;
        }
        return c;
    }

    /** Every direction has P values; a direction of another length (a file, another network) is refused. */
    static void requireSizes(List<Direction> directions, int p, int dims) {
        if (directions.size() != dims) {
            throw new IllegalStateException("asked for " + dims + " directions, made " + directions.size());
        }
        for (Direction d : directions) {
            if (d.vector().length != p) {
                throw new InvalidSettingException("direction \"" + d.label() + "\" has " + d.vector().length
                        + " values but the network has " + p + " parameters");
            }
        }
    }

    /** g_V and VᵀH^{(k)}V of the first k samples (H from exact Hessian-vector products), and q on the grid. */
    static QuadraticModel quadratic(Engine engine, Model model, Samples first, int k, List<SurfaceAxis> axes) {
        int dims = axes.size();
        double[][] v = new double[dims][];
        for (int a = 0; a < dims; a++) {
            v[a] = axes.get(a).vector();
        }
        LossGradient lg = engine.lossAndGradient(model, first);
        double[][] hv = engine.hvpAll(model, first, v);
        double[] gradient = new double[dims];
        double[][] curvature = new double[dims][dims];
        for (int a = 0; a < dims; a++) {
            gradient[a] = dot(lg.gradient(), v[a]);
        }
        for (int a = 0; a < dims; a++) {
            for (int b = 0; b < dims; b++) {
                // H is symmetric; averaging the two products keeps VᵀHV exactly so in floating point.
                curvature[a][b] = 0.5 * (dot(v[a], hv[b]) + dot(v[b], hv[a]));
            }
        }
        double[] alpha = axes.get(0).coordinates();
        double[] beta = dims == 2 ? axes.get(1).coordinates() : new double[] {0.0};
        QuadraticModel coefficients = new QuadraticModel(k, lg.loss(), gradient, curvature, new double[0][]);
        double[][] values = new double[alpha.length][beta.length];
        for (int i = 0; i < alpha.length; i++) {
            for (int j = 0; j < beta.length; j++) {
                values[i][j] = dims == 2 ? coefficients.at(alpha[i], beta[j]) : coefficients.at(alpha[i]);
            }
        }
        return new QuadraticModel(k, lg.loss(), gradient, curvature, values);
    }

    /** The grid's values: loss[g][i][j] and accuracy[g][i][j] of L_{k[g]}, and σ(ℓ)[i][j] over the whole subset. */
    public record Grid(double[][][] loss, double[][][] accuracy, double[][] sigma) {
    }

    /**
     * The grid part of {@link #compute} alone, at w = θ̂ + α_i v₁ (+ β_j v₂) with the axes' coordinates and vectors:
     * what {@code benchmarks/compare}'s surface row times against Li et al.'s way in PyTorch.
     *
     * @param ks each k of L_k, ascending, at most the subset's size
     */
    public static Grid grid(Engine engine, Model model, Samples subset, int[] ks, List<SurfaceAxis> axes,
                             ProgressMonitor monitor) {
        double[] alpha = axes.get(0).coordinates();
        double[] beta = axes.size() == 2 ? axes.get(1).coordinates() : new double[] {0.0};
        double[] v1 = axes.get(0).vector();
        double[] v2 = axes.size() == 2 ? axes.get(1).vector() : null;
        double[] theta = model.theta();
        int rows = alpha.length;
        int cols = beta.length;
        int n = subset.size();
        double[][][] loss = new double[ks.length][rows][cols];
        double[][][] accuracy = new double[ks.length][rows][cols];
        double[][] sigma = new double[rows][cols];
        engine.forEachItem(rows * cols, 1, monitor, item -> {
            int i = item / cols;
            int j = item % cols;
            double[] w = new double[theta.length];
            for (int p = 0; p < w.length; p++) {
                w[p] = theta[p] + alpha[i] * v1[p] + (v2 == null ? 0.0 : beta[j] * v2[p]);
            }
            PerSampleOutputs out = engine.perSampleOutputs(new Model(model.network(), w), subset, ProgressMonitor.NONE);
            double[] l = out.losses();
            int[] predicted = out.predictions();
            double sum = 0;
            int correct = 0;
            int g = 0;
            for (int s = 0; s < n; s++) {
                sum += l[s];
                correct += predicted[s] == subset.label(s) ? 1 : 0;
                while (g < ks.length && ks[g] == s + 1) {
                    loss[g][i][j] = sum / ks[g];
                    accuracy[g][i][j] = (double) correct / ks[g];
                    g++;
                }
            }
            sigma[i][j] = sampleStd(l);
            return String.format(Locale.ROOT, "grid point %d/%d", item + 1, rows * cols);
        });
        return new Grid(loss, accuracy, sigma);
    }

    /** The sample standard deviation (divisor n − 1), two-pass. */
    static double sampleStd(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
