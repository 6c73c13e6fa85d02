package org.hessianscope.figure;

import java.util.Arrays;

/**
 * Reduces a long curve (60,000 values of k) to what a display can show, because drawing
 * every point makes a 134 MB SVG and a sluggish window while adding nothing visible.
 *
 * <p>{@link #envelope} keeps, in each of a fixed number of columns of the x range, the
 * points with the smallest and the largest y: a noisy curve keeps its true extent, so a
 * spike is never averaged away. {@link #logGrid} keeps points evenly spaced in log x,
 * for smooth curves (exact expectation, bound) on a log k axis. Both always keep the
 * first and the last point, so a curve still starts and ends where it did.
 */
public final class CurveReducer {
    private CurveReducer() {
    }

    /**
     * The min/max envelope over {@code columns} equal columns of x (equal in log x when
     * {@code logX}). x must be ascending (and positive when logX). Points with a non-finite
     * y are dropped. A curve with at most 2·columns points is returned unchanged.
     */
    public static Curve envelope(double[] x, double[] y, int columns, boolean logX) {
        requireCurve(x, y, logX);
        if (columns < 1) {
            throw new IllegalArgumentException("columns = " + columns + "; need at least 1");
        }
        int n = x.length;
        if (n <= 2 * columns) {
            return finiteOnly(x, y, allIndices(n));
        }
        double u0 = coordinate(x[0], logX);
        double width = coordinate(x[n - 1], logX) - u0;
        int[] keep = new int[2 * columns + 2];
        int kept = 0;
        keep[kept++] = 0;
        int column = -1;
        int minIdx = -1;
        int maxIdx = -1;
        for (int i = 0; i < n; i++) {
            int c = width > 0 ? (int) Math.min(columns - 1, Math.floor((coordinate(x[i], logX) - u0) / width * columns)) : 0;
            if (c != column) {
                kept = emit(keep, kept, minIdx, maxIdx);
                column = c;
                minIdx = -1;
                maxIdx = -1;
            }
            if (!Double.isFinite(y[i])) {
                continue;
            }
            if (minIdx < 0 || y[i] < y[minIdx]) {
                minIdx = i;
            }
            if (maxIdx < 0 || y[i] > y[maxIdx]) {
                maxIdx = i;
            }
        }
        kept = emit(keep, kept, minIdx, maxIdx);
        keep[kept++] = n - 1;
        int[] idx = Arrays.stream(keep, 0, kept).sorted().distinct().toArray();
        return finiteOnly(x, y, idx);
    }

    /**
     * About {@code points} points evenly spaced in log x: for each target the first point at or
     * beyond it, plus the first and last point. x must be ascending and positive. A curve
     * with at most {@code points} points is returned unchanged (non-finite y dropped).
     */
    public static Curve logGrid(double[] x, double[] y, int points) {
        requireCurve(x, y, true);
        if (points < 2) {
            throw new IllegalArgumentException("points = " + points + "; need at least 2 (the two endpoints)");
        }
        int n = x.length;
        if (n <= points) {
            return finiteOnly(x, y, allIndices(n));
        }
        double l0 = Math.log(x[0]);
        double span = Math.log(x[n - 1]) - l0;
        int[] keep = new int[points + 1];
        int kept = 0;
        int last = -1;
        for (int t = 0; t < points; t++) {
            double target = Math.exp(l0 + span * t / (points - 1.0));
            int i = Arrays.binarySearch(x, target);
            i = i >= 0 ? i : Math.min(n - 1, -i - 1);
            if (t == points - 1) {
                i = n - 1;
            }
            if (i > last) {
                keep[kept++] = i;
                last = i;
            }
        }
        return finiteOnly(x, y, Arrays.copyOf(keep, kept));
    }

    /** Drops the points a log axis cannot show (x ≤ 0 on log x, y ≤ 0 on log y) and non-finite ones. */
    public static Curve drawable(Curve c, boolean logX, boolean logY) {
        double[] x = c.x();
        double[] y = c.y();
        int[] idx = new int[x.length];
        int kept = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!logX || x[i] > 0) && (!logY || y[i] > 0)) {
                idx[kept++] = i;
            }
        }
        return select(x, y, Arrays.copyOf(idx, kept));
    }

    private static int emit(int[] keep, int kept, int minIdx, int maxIdx) {
        if (minIdx < 0) {
            return kept;
        }
        keep[kept++] = Math.min(minIdx, maxIdx);
        if (maxIdx != minIdx) {
            keep[kept++] = Math.max(minIdx, maxIdx);
        }
        return kept;
    }

    private static double coordinate(double x, boolean log) {
        return log ? Math.log(x) : x;
    }

    private static int[] allIndices(int n) {
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        return idx;
    }

    private static Curve finiteOnly(double[] x, double[] y, int[] idx) {
        return select(x, y, Arrays.stream(idx).filter(i -> Double.isFinite(y[i])).toArray());
    }

    private static Curve select(double[] x, double[] y, int[] idx) {
        double[] rx = new double[idx.length];
        double[] ry = new double[idx.length];
        for (int j = 0; j < idx.length; j++) {
            rx[j] = x[idx[j]];
            ry[j] = y[idx[j]];
        }
        return new Curve(rx, ry);
    }

    private static void requireCurve(double[] x, double[] y, boolean positiveX) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("curve has " + x.length + " x values but " + y.length + " y values");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || (positiveX && x[i] <= 0)) {
                throw new IllegalArgumentException("x[" + i + "] = " + x[i] + "; x must be finite"
                        + (positiveX ? " and positive on a log axis" : ""));
            }
            if (i > 0 && x[i] < x[i - 1]) {
                throw new IllegalArgumentException("x[" + i + "] = " + x[i] + " < x[" + (i - 1) + "] = " + x[i - 1]
                        + "; x must be ascending");
            }
        }
    }
}
