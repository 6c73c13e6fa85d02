package org.hessianscope.surface;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.hessianscope.linalg.Vectors;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.TrainedRun;
import org.hessianscope.task.InvalidSettingException;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.train.Checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The top two principal directions of the training trajectory, as Li et al. (2018, §7) draw it: the
 * differences {@code x_j − θ̂} of the trajectory's points (θ₀ from {@code init.npz}, then every checkpoint)
 * are decomposed without centring, so the plane passes through θ̂ and is the plane through θ̂ nearest the
 * path in summed squared distance. The directions are orthonormal (unit length, not filter-normalised:
 * a trajectory's own scale is its unit), and every point's coordinates {@code (x_j − θ̂)·u} are recorded
 * so the path can be drawn on the plane.
 */
public final class TrajectoryDirections implements Directions {
    TrajectoryDirections() {
    }

    @Override
    public String key() {
        return "trajectory";
    }

    @Override
    public String units() {
        return "unit length in parameter space (orthonormal principal directions of the training path)";
    }

    @Override
    public int maxDims() {
        return 2;
    }

    @Override
    public List<Direction> directions(DirectionsInput input, int dims, ProgressMonitor monitor) {
        Plane plane = plane(input);
        List<Direction> out = new ArrayList<>();
        out.add(new Direction(String.format(Locale.ROOT, "trajectory PCA 1 (%.1f%%)", 100 * plane.explained()[0]),
                plane.first(), Double.NaN));
        if (dims > 1) {
            out.add(new Direction(String.format(Locale.ROOT, "trajectory PCA 2 (%.1f%%)", 100 * plane.explained()[1]),
                    plane.second(), Double.NaN));
        }
        return out;
    }

    /** The plane of the run {@code input} names, around its model's θ̂; a missing run or checkpoints is one line. */
    public static Plane plane(DirectionsInput input) {
        if (input.run() == null) {
            throw new InvalidSettingException("{directions} = trajectory needs a run folder whose training kept "
                    + "checkpoints (train --checkpoints epoch); give --run, or choose hessian or random");
        }
        TrainedRun run;
        try {
            run = RunFolder.read(input.run());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] theta = input.model().theta();
        return of(input.run(), new TrainedRun(run.spec(), run.init(), theta, run.history(), run.info(),
                run.checkpoints()));
    }

    /** One point of the trajectory on the plane: step 0 is θ₀. */
    public record TrajectoryPoint(long step, int epoch, double x, double y) {
    }

    /**
     * The plane: orthonormal {@code first} and {@code second}, the trajectory on it, and the share of the
     * differences' squared norm each direction explains ({@code explained[0] ≥ explained[1]}).
     */
    public record Plane(double[] first, double[] second, List<TrajectoryPoint> points, double[] explained) {
        public Plane {
            points = List.copyOf(points);
        }
    }

    /** The trajectory plane of the run in {@code dir}; a run without checkpoints is one line saying how to make them. */
    public static Plane of(Path dir, TrainedRun run) {
        List<Checkpoint> checkpoints = run.checkpoints();
        if (checkpoints.isEmpty()) {
            throw new InvalidSettingException("the run in " + dir + " kept no checkpoints, so it has no training "
                    + "trajectory; train it again with --checkpoints epoch (or every N steps) to use the trajectory "
                    + "directions");
        }
        List<double[]> points = new ArrayList<>();
        List<long[]> when = new ArrayList<>();
        points.add(run.init());
        when.add(new long[] {0, 0});
        for (Checkpoint c : checkpoints) {
            points.add(c.thetaAsDouble());
            when.add(new long[] {c.step(), c.epoch()});
        }
        return of(run.weights(), points, when, dir + " (" + RunFolder.CHECKPOINTS + ")");
    }

    /**
     * The plane of {@code points} around {@code center}; {@code when[j]} is point j's step and epoch.
     * At least two of the differences must be independent.
     */
    public static Plane of(double[] center, List<double[]> points, List<long[]> when, String where) {
        int m = points.size();
        int p = center.length;
        double[][] diff = new double[m][p];
        for (int j = 0; j < m; j++) {
            double[] x = points.get(j);
            for (int i = 0; i < p; i++) {
                diff[j][i] = x[i] - center[i];
            }
        }
        // The m×m Gram matrix of the differences has the same non-zero spectrum as the P×P scatter matrix,
        // and its eigenvectors v map to the principal directions Dᵀv / ‖Dᵀv‖.
        double[][] gram = new double[m][m];
        double total = 0;
        for (int a = 0; a < m; a++) {
            for (int b = 0; b <= a; b++) {
                gram[a][b] = gram[b][a] = Vectors.dot(diff[a], diff[b]);
            }
            total += gram[a][a];
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(gram, false));
        double[] values = eig.getRealEigenvalues();
        int[] top = topTwo(values);
        if (!(values[top[1]] > 1e-24 * Math.max(total, Double.MIN_NORMAL))) {
            throw new InvalidSettingException("the trajectory in " + where + " has " + (m - 1) + " checkpoint(s) "
                    + "whose differences from the trained weights span fewer than two directions; keep more "
                    + "checkpoints (more epochs, or --checkpoints N for every N steps)");
        }
        double[] u1 = combine(diff, eig.getEigenvector(top[0]).toArray());
        double[] u2 = combine(diff, eig.getEigenvector(top[1]).toArray());
        Vectors.divideByNorm(u1);
        // Re-orthogonalise: the Gram eigenvectors are orthogonal only to rounding.
        Vectors.axpy(-Vectors.dot(u1, u2), u1, u2);
        Vectors.divideByNorm(u2);
        List<TrajectoryPoint> onPlane = new ArrayList<>();
        double[] xs = new double[m];
        double[] ys = new double[m];
        for (int j = 0; j < m; j++) {
            xs[j] = Vectors.dot(diff[j], u1);
            ys[j] = Vectors.dot(diff[j], u2);
        }
        // A direction's sign is arbitrary: fix it so the path starts (θ₀) on the negative side of each axis.
        if (xs[0] > 0) {
            flip(u1, xs);
        }
        if (ys[0] > 0) {
            flip(u2, ys);
        }
        for (int j = 0; j < m; j++) {
            onPlane.add(new TrajectoryPoint(when.get(j)[0], (int) when.get(j)[1], xs[j], ys[j]));
        }
        double[] explained = {values[top[0]] / total, values[top[1]] / total};
        return new Plane(u1, u2, onPlane, explained);
    }

    private static int[] topTwo(double[] values) {
        int a = 0;
        for (int j = 1; j < values.length; j++) {
            if (values[j] > values[a]) {
                a = j;
            }
        }
        int b = a == 0 ? 1 : 0;
        for (int j = 0; j < values.length; j++) {
            if (j != a && values[j] > values[b]) {
                b = j;
            }
        }
        return new int[] {a, b};
    }

    private static double[] combine(double[][] rows, double[] weights) {
        double[] out = new double[rows[0].length];
        for (int j = 0; j < rows.length; j++) {
            Vectors.axpy(weights[j], rows[j], out);
        }
        return out;
    }

    private static void flip(double[] u, double[] coordinates) {
        Vectors.scale(-1, u);
        Vectors.scale(-1, coordinates);
    }
}
