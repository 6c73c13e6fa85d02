package org.hessianscope.figure;

import java.awt.Color;
import java.util.Locale;
import org.hessianscope.surface.SurfaceAxis;
import org.hessianscope.surface.SurfaceResult;
import org.jfree.chart.JFreeChart;

/**
 * The pictures of one {@link SurfaceResult}, for the GUI's Landscape view and {@code figure surface}
 * alike: the loss map L_k over the plane with the quadratic model's contours, the σ²(ℓ) map, and the
 * 1D slice through θ̂. Everything drawn is a stored value of the result; picking k only selects a grid.
 * The result's grids are [i][j] (i along axis 1); the maps take them as rows of j, so they are transposed here.
 * {@link #colour} is the colour map, for any other view that should match.
 */
public final class SurfaceFigures {
    /** Contour levels drawn on a map. */
    public static final int LEVELS = 12;

    /** What {@code figure surface --map} draws on the plane. */
    public enum Map {
        LOSS("loss"), ACCURACY("accuracy"), SIGMA2("sigma2");

        private final String key;

        Map(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** The map of {@code key}; an unknown one names the valid keys. */
        public static Map of(String key) {
            for (Map m : values()) {
                if (m.key.equals(key)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("--map " + key + "; valid: loss, accuracy, sigma2");
        }
    }

    private SurfaceFigures() {
    }

    /** The colour of t ∈ [0, 1] (clamped, NaN as 0): the landscape {@link ColourMap}, the GUI's colours too. */
    public static Color colour(double t) {
        return ColourMap.colour(Double.isNaN(t) ? 0 : t);
    }

    /**
     * The picture {@code figure surface} exports, the same the Landscape view shows: in 2D the map of {@code map}
     * at k index g (loss with the quadratic model's contours, accuracy, or σ²); in 1D the slice at k index g.
     */
    public static JFreeChart chart(SurfaceResult r, int g, Map map, FigureStyle style) {
        if (r.dims() < 2) {
            return slice(r, g, style);
        }
        switch (map) {
            case ACCURACY:
                return accuracyMap(r, g, style);
            case SIGMA2:
                return varianceMap(r, false, style);
            default:
                return lossMap(r, g, false, null, style);
        }
    }

    /** The loss grid of k index {@code g} as rows of the second axis: z[j][i] = L_k(α_i, β_j). */
    public static double[][] lossGrid(SurfaceResult r, int g) {
        return transposed(r.loss()[g]);
    }

    /** One colour scale for every k of the result, so moving k shows the surface change rather than a rescale. */
    public static ColourScale lossScale(SurfaceResult r, boolean log) {
        return ColourScale.spanning(log, r.loss());
    }

    /** σ²(ℓ)(w) as rows of the second axis. */
    public static double[][] varianceGrid(SurfaceResult r) {
        double[][] v = transposed(r.sigma());
        for (double[] row : v) {
            for (int i = 0; i < row.length; i++) {
                row[i] *= row[i];
            }
        }
        return v;
    }

    /** The map of L_k over the plane, k = r.k()[g]; null for a 1D slice. {@code trajectory} ({αs, βs}) may be null. */
    public static JFreeChart lossMap(SurfaceResult r, int g, boolean log, double[][] trajectory, FigureStyle style) {
        if (r.dims() < 2) {
            return null;
        }
        return SurfaceMapFigure.chart(new SurfaceMapFigure.Input(
                String.format(Locale.ROOT, "Loss L_k around the trained weights, k = %,d", r.k()[g]),
                axisLabel("α", r.axes().get(0)), axisLabel("β", r.axes().get(1)),
                "L_k (nats)" + (log ? ", log scale" : ""), "L_k contours", units(r),
                r.axes().get(0).coordinates(), r.axes().get(1).coordinates(), lossGrid(r, g), lossScale(r, log),
                LEVELS, transposed(r.quadratic().get(g).values()), trajectory), style);
    }

    /** The map of σ²(ℓ)(w), the expected squared loss difference at every k up to 1/(k(k+1)); null for a 1D slice. */
    public static JFreeChart varianceMap(SurfaceResult r, boolean log, FigureStyle style) {
        if (r.dims() < 2) {
            return null;
        }
        double[][] v = varianceGrid(r);
        return SurfaceMapFigure.chart(new SurfaceMapFigure.Input(
                "Loss-difference map σ²(w) = k(k+1)·E[(L_{k+1} − L_k)²]",
                axisLabel("α", r.axes().get(0)), axisLabel("β", r.axes().get(1)),
                "σ² of per-sample losses (nats²)" + (log ? ", log" : ""), "σ² contours",
                units(r),
                r.axes().get(0).coordinates(), r.axes().get(1).coordinates(), v, ColourScale.spanning(log, v),
                LEVELS, null, null), style);
    }

    /** The map of the accuracy on the first k samples, k = r.k()[g]; null for a 1D slice. */
    public static JFreeChart accuracyMap(SurfaceResult r, int g, FigureStyle style) {
        if (r.dims() < 2) {
            return null;
        }
        double[][] v = transposed(r.accuracy()[g]);
        return SurfaceMapFigure.chart(new SurfaceMapFigure.Input(
                String.format(Locale.ROOT, "Accuracy around the trained weights, k = %,d", r.k()[g]),
                axisLabel("α", r.axes().get(0)), axisLabel("β", r.axes().get(1)),
                "accuracy on the first k", "accuracy contours", units(r),
                r.axes().get(0).coordinates(), r.axes().get(1).coordinates(), v, ColourScale.spanning(false, v),
                LEVELS, null, null), style);
    }

    /** L_k along the first axis through θ̂ (β = 0 in 2D), true loss solid and quadratic model dashed. */
    public static JFreeChart slice(SurfaceResult r, int g, FigureStyle style) {
        SurfaceAxis axis = r.axes().get(0);
        int j = r.origin() == null ? (r.columns() - 1) / 2 : r.origin()[1];
        double[] loss = new double[r.rows()];
        double[] model = new double[r.rows()];
        for (int i = 0; i < loss.length; i++) {
            loss[i] = r.loss()[g][i][j];
            model[i] = r.quadratic().get(g).values()[i][j];
        }
        String where = r.dims() == 2 ? " at β = 0" : "";
        return SliceFigure.chart(new SliceFigure.Input(
                String.format(Locale.ROOT, "Slice along v₁%s, k = %,d", where, r.k()[g]),
                axisLabel("α", axis), "L_k (mean cross-entropy, nats)", units(r), axis.coordinates(), loss, model,
                false), style);
    }

    /** What a unit of α and β is, for the small print under a picture. */
    static String units(SurfaceResult r) {
        return (r.dims() == 2 ? "α, β: " : "α: ") + r.units() + "; " + r.samples() + " training samples";
    }

    /** "α: H eigenvector 1, λ = 12.3": the coordinate, its direction and, for an eigenvector, its eigenvalue. */
    public static String axisLabel(String coordinate, SurfaceAxis axis) {
        String s = coordinate + ": " + axis.label();
        if (!Double.isNaN(axis.eigenvalue())) {
            s += String.format(Locale.ROOT, ", λ = %.4g", axis.eigenvalue());
        }
        return s;
    }

    /** The grid as CSV: the coordinates, then L_k, accuracy and the quadratic model for each k, then σ(ℓ). */
    public static String csv(SurfaceResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.dims() == 2 ? "alpha,beta" : "alpha");
        for (int k : r.k()) {
            sb.append(",L_").append(k).append(",accuracy_").append(k).append(",quadratic_").append(k);
        }
        sb.append(",sigma\n");
        double[] a = r.axes().get(0).coordinates();
        for (int i = 0; i < r.rows(); i++) {
            for (int j = 0; j < r.columns(); j++) {
                sb.append(a[i]);
                if (r.dims() == 2) {
                    sb.append(',').append(r.axes().get(1).coordinates()[j]);
                }
                for (int g = 0; g < r.k().length; g++) {
                    sb.append(',').append(r.loss()[g][i][j]).append(',').append(r.accuracy()[g][i][j])
                            .append(',').append(r.quadratic().get(g).values()[i][j]);
                }
                sb.append(',').append(r.sigma()[i][j]).append('\n');
            }
        }
        return sb.toString();
    }

    static double[][] transposed(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }
}
