package org.hessianscope.surface;

import java.util.Arrays;
import org.hessianscope.curvature.LanczosOptions;
import org.hessianscope.task.InvalidSettingException;

/**
 * How to compute a slice of the landscape ({@link Surface#compute}). Defaults live here and nowhere else.
 *
 * @param directions   the {@link Directions} kind's key: hessian, random, interpolation (or another in {@link DirectionKinds})
 * @param dims         1 (a line) or 2 (a plane)
 * @param grid         points along each axis (odd, so θ̂ itself is a grid point)
 * @param range        coordinates run over [−range, range] along each axis, in the kind's units
 * @param samples      the subset: the first this many training samples (fewer when the set is smaller)
 * @param k            the k of L_k, each ≥ 1, {@link #ALL} for the whole subset
 * @param operator     hessian (H) or ggn (H_O): the matrix of the Hessian directions and of the quadratic model
 * @param lanczosSteps Lanczos steps for the Hessian directions
 * @param seed         seed of the random directions and of Lanczos' start vector
 * @param force        allow a grid of more than {@link #MAX_POINTS} points
 * @param directionFile for {@code file} directions: a .npy of P values (a line) or dims × P (a plane); else null
 */
public record SurfaceOptions(String directions, int dims, int grid, double range, int samples, int[] k,
                             String operator, int lanczosSteps, long seed, boolean force, String directionFile) {
    /** In {@link #k()}: the whole subset. */
    public static final int ALL = 0;
    public static final int DEFAULT_GRID_2D = 25;
    public static final int DEFAULT_GRID_1D = 51;
    public static final double DEFAULT_RANGE = 1.0;
    public static final int DEFAULT_SAMPLES = 1000;
    public static final int[] DEFAULT_K = {100, 1000, ALL};
    /** Li et al.'s filter-normalised random plane: needs nothing but θ̂, and is the picture the literature shows. */
    public static final String DEFAULT_DIRECTIONS = "random";
    public static final String HESSIAN = "hessian";
    public static final String GGN = "ggn";
    /** Grid points (all axes together) allowed without {@link #force()}: a 51 × 51 plane. */
    public static final int MAX_POINTS = 51 * 51;
    /** Points per axis even with force: every size is bounded before anything is allocated for it. */
    public static final int MAX_GRID = 1001;
    public static final int MAX_SAMPLES = 1_000_000;
    /** At most this many k: each is a grid of results, so a list of 10⁶ would be refused only by the heap. */
    public static final int MAX_K = 100;

    public SurfaceOptions {
        DirectionKinds.byKey(directions);
        if (dims != 1 && dims != 2) {
            throw new InvalidSettingException("{dims} = " + dims + "; a slice is 1 (a line) or 2 (a plane)");
        }
        if (grid < 3 || grid > MAX_GRID || grid % 2 == 0) {
            throw new InvalidSettingException("{grid} = " + grid + "; need an odd number of points per axis, 3 to "
                    + MAX_GRID + ", so θ̂ is a grid point");
        }
        long points = dims == 2 ? (long) grid * grid : grid;
        if (points > MAX_POINTS && !force) {
            throw new InvalidSettingException("{grid} = " + grid + " makes " + points + " grid points, more than "
                    + MAX_POINTS + "; each costs a forward pass per sample: add {force} to compute it anyway");
        }
        if (!(range > 0) || !Double.isFinite(range)) {
            throw new InvalidSettingException("{range} = " + range + "; need a positive number");
        }
        if (samples < 2 || samples > MAX_SAMPLES) {
            throw new InvalidSettingException("{samples} = " + samples + "; need 2 to " + MAX_SAMPLES);
        }
        if (k.length == 0 || k.length > MAX_K) {
            throw new InvalidSettingException("{k} has " + k.length + " values; give 1 to " + MAX_K
                    + ", e.g. 100,1000,all");
        }
        for (int v : k) {
            if (v < 0) {
                throw new InvalidSettingException("{k} has " + v + "; each k is at least 1, or all");
            }
        }
        k = k.clone();
        if (!HESSIAN.equals(operator) && !GGN.equals(operator)) {
            throw new InvalidSettingException("{operator} = " + operator + "; valid: " + HESSIAN + "|" + GGN);
        }
        if (lanczosSteps < 2 || lanczosSteps > 1000) {
            throw new InvalidSettingException("{lanczosSteps} = " + lanczosSteps + "; need 2 to 1000");
        }
        if (FileDirections.KEY.equals(directions) != (directionFile != null)) {
            throw new InvalidSettingException(directionFile == null
                    ? "{directions} = file needs {directionFile}, a .npy of P or dims × P values"
                    : "{directionFile} is for {directions} = file, not " + directions);
        }
    }

    /** Without a direction file. */
    public SurfaceOptions(String directions, int dims, int grid, double range, int samples, int[] k, String operator,
                          int lanczosSteps, long seed, boolean force) {
        this(directions, dims, grid, range, samples, k, operator, lanczosSteps, seed, force, null);
    }

    /** A 2D slice of {@code directions} with the defaults: 25 × 25 over [−1, 1], 1,000 samples, k = 100, 1000, all. */
    public static SurfaceOptions defaults(String directions) {
        return new SurfaceOptions(directions, 2, DEFAULT_GRID_2D, DEFAULT_RANGE, DEFAULT_SAMPLES, DEFAULT_K, HESSIAN,
                LanczosOptions.DEFAULT_STEPS, 0L, false);
    }

    /** The default points per axis of a slice of {@code dims}: 51 on a line, 25 × 25 on a plane. */
    public static int defaultGrid(int dims) {
        return dims == 1 ? DEFAULT_GRID_1D : DEFAULT_GRID_2D;
    }

    /** The k values for a subset of {@code n} samples: ALL becomes n, values above n are dropped, ascending, distinct. */
    public int[] resolveK(int n) {
        int[] r = Arrays.stream(k).map(v -> v == ALL ? n : v).filter(v -> v <= n).sorted().distinct().toArray();
        if (r.length == 0) {
            throw new InvalidSettingException("{k} = " + Arrays.toString(k) + " has no k up to the subset's " + n
                    + " samples");
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SurfaceOptions s && directions.equals(s.directions) && dims == s.dims && grid == s.grid
                && Double.compare(range, s.range) == 0 && samples == s.samples && Arrays.equals(k, s.k)
                && operator.equals(s.operator) && lanczosSteps == s.lanczosSteps && seed == s.seed && force == s.force
                && java.util.Objects.equals(directionFile, s.directionFile);
    }

    @Override
    public int hashCode() {
        return 31 * directions.hashCode() + Arrays.hashCode(k) + grid;
    }

    @Override
    public String toString() {
        return "SurfaceOptions[" + directions + ", dims=" + dims + ", grid=" + grid + ", range=" + range
                + ", samples=" + samples + ", k=" + Arrays.toString(k) + ", operator=" + operator + ", seed=" + seed + "]";
    }
}
