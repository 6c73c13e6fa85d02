package org.hessianscope.figure;

import java.util.Locale;
import org.hessianscope.surface.SurfaceAxis;
import org.hessianscope.surface.SurfaceResult;
import org.jfree.chart.JFreeChart;

/**
 * The pictures of one {@link SurfaceResult}, for the GUI's Landscape view and {@code figure surface}
 * alike: the loss map L_k over the plane with the quadratic model's contours, the σ²(ℓ) map, and the
 * 1D slice through θ̂. Everything drawn is a stored value of the result; picking k only selects a grid.
 * The result's grids are [i][j] (i along axis 1); the maps take them as rows of j, so they are transposed here.
 */
public final class SurfaceFigures {
    /** Contour levels drawn on a map. */
    public static final int LEVELS = 12;

    private SurfaceFigures() {
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
