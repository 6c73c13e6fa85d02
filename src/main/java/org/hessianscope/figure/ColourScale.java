package org.hessianscope.figure;

/**
 * Maps a value to a position t in [0, 1] of the {@link ColourMap}: linear between {@code min}
 * and {@code max}, or linear in log10 when {@code log} (a loss surface spans decades from the
 * valley floor to the rim, and a linear scale paints the whole valley one colour).
 * One scale is shared by every picture of a surface and by all its k, so a colour means the
 * same loss in the heat map, the colour bar and the 3D surface, and moving k shows the change.
 */
public record ColourScale(double min, double max, boolean log) {

    public ColourScale {
        if (!(Double.isFinite(min) && Double.isFinite(max) && max >= min)) {
            throw new IllegalArgumentException("colour scale [" + min + ", " + max + "]; need finite min ≤ max");
        }
        if (log && !(min > 0)) {
            throw new IllegalArgumentException("log colour scale from " + min + "; needs min > 0");
        }
    }

    /** The range of the finite values of the grids; log only if asked and every value is positive. */
    public static ColourScale spanning(boolean log, double[][]... grids) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[][] g : grids) {
            for (double[] row : g) {
                for (double v : row) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (lo > hi) {
            return new ColourScale(0, 1, false);
        }
        return new ColourScale(lo, hi, log && lo > 0);
    }

    /** Where {@code v} sits, 0 at min and 1 at max (unclamped); 0 when the range is empty. */
    public double fraction(double v) {
        double a = log ? Math.log10(min) : min;
        double b = log ? Math.log10(max) : max;
        double x = log ? Math.log10(v) : v;
        return b == a ? 0 : (x - a) / (b - a);
    }

    /** The colour of {@code v}, 0xRRGGBB. */
    public int rgb(double v) {
        return ColourMap.rgb(fraction(v));
    }

    /** {@code count} contour levels evenly spaced (in log10 when log) strictly inside (min, max). */
    public double[] levels(int count) {
        double a = log ? Math.log10(min) : min;
        double b = log ? Math.log10(max) : max;
        double[] levels = new double[count];
        for (int i = 0; i < count; i++) {
            double x = a + (b - a) * (i + 1) / (count + 1);
            levels[i] = log ? Math.pow(10, x) : x;
        }
        return levels;
    }
}
