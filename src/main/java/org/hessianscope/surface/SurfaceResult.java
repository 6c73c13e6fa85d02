package org.hessianscope.surface;

import java.util.Arrays;
import java.util.List;

/**
 * A 1D or 2D slice of the loss landscape around θ̂, ready to draw or write (docs/surface.md has its JSON form).
 * Every grid is indexed [i][j] with i along {@code axes[0]} and j along {@code axes[1]}; a 1D slice has one axis
 * and j has the single value 0. The values at a grid point are over the subset (the first {@link #samples()}
 * training samples, in training-set order), L_k over its first k.
 *
 * @param directions the direction kind's key ({@code hessian}, {@code random}, {@code interpolation},
 *                   {@code trajectory}), see {@link Directions}
 * @param operator   the matrix the {@code hessian} directions are eigenvectors of: {@code hessian} (H) or {@code ggn} (H_O)
 * @param seed       the seed of everything random (random directions, Lanczos' start vector)
 * @param units      what one unit of a coordinate is, in words (docs/surface.md, "Units")
 * @param axes       one axis (1D) or two (2D), each with its coordinates and recorded direction
 * @param samples    N, the size of the subset
 * @param k          the k of {@link #loss()}, ascending, each in 1..N
 * @param loss       loss[g][i][j] = L_{k[g]}(w_ij), the mean cross-entropy over the first k[g] samples
 * @param accuracy   accuracy[g][i][j], the fraction of the first k[g] samples w_ij classifies right
 * @param sigma      sigma[i][j], the sample standard deviation (divisor N − 1) of the N per-sample losses at w_ij:
 *                   E[(L_{k+1}(w) − L_k(w))²] = σ²(w)/(k(k+1)) over orderings, so σ² is the loss-difference map
 * @param quadratic  the quadratic model of L_{k[g]} at θ̂, one per k, in the same order
 */
public record SurfaceResult(String directions, String operator, long seed, String units, List<SurfaceAxis> axes,
                            int samples, int[] k, double[][][] loss, double[][][] accuracy, double[][] sigma,
                            List<QuadraticModel> quadratic) {

    public SurfaceResult {
        axes = List.copyOf(axes);
        quadratic = List.copyOf(quadratic);
        if (axes.isEmpty() || axes.size() > 2) {
            throw new IllegalArgumentException("a slice has 1 or 2 axes, not " + axes.size());
        }
        if (loss.length != k.length || accuracy.length != k.length || quadratic.size() != k.length) {
            throw new IllegalArgumentException("loss, accuracy and quadratic need one grid per k (" + k.length + ")");
        }
    }

    /** 1 or 2. */
    public int dims() {
        return axes.size();
    }

    /** Grid points along axis 0. */
    public int rows() {
        return axes.get(0).points();
    }

    /** Grid points along axis 1 (1 in 1D). */
    public int columns() {
        return dims() == 2 ? axes.get(1).points() : 1;
    }

    /** The index of k in {@link #k()}, or −1 when it was not evaluated. */
    public int indexOfK(int kValue) {
        for (int g = 0; g < k.length; g++) {
            if (k[g] == kValue) {
                return g;
            }
        }
        return -1;
    }

    /** σ²(w_ij)/(k(k+1)): the exact expected squared loss difference E[(L_{k+1} − L_k)²] over orderings at w_ij. */
    public double expectedSquaredDifference(int i, int j, int kValue) {
        if (kValue < 1 || kValue >= samples) {
            throw new IllegalArgumentException("k = " + kValue + " is outside 1.." + (samples - 1));
        }
        double s = sigma[i][j];
        return s * s / ((double) kValue * (kValue + 1));
    }

    /** The grid indices of the origin θ̂, or null when no grid point is at coordinates 0. */
    public int[] origin() {
        int i = zero(axes.get(0).coordinates());
        int j = dims() == 2 ? zero(axes.get(1).coordinates()) : 0;
        return i < 0 || j < 0 ? null : new int[] {i, j};
    }

    private static int zero(double[] c) {
        for (int i = 0; i < c.length; i++) {
            if (c[i] == 0.0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SurfaceResult r && directions.equals(r.directions) && operator.equals(r.operator)
                && seed == r.seed && units.equals(r.units) && axes.equals(r.axes) && samples == r.samples
                && Arrays.equals(k, r.k) && Arrays.deepEquals(loss, r.loss) && Arrays.deepEquals(accuracy, r.accuracy)
                && Arrays.deepEquals(sigma, r.sigma) && quadratic.equals(r.quadratic);
    }

    @Override
    public int hashCode() {
        return 31 * directions.hashCode() + Arrays.hashCode(k);
    }

    @Override
    public String toString() {
        return "SurfaceResult[" + directions + ", " + operator + ", seed=" + seed + ", " + rows() + "×" + columns()
                + ", samples=" + samples + ", k=" + Arrays.toString(k) + "]";
    }
}
