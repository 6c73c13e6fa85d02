package org.hessianscope.figure;

import java.util.ArrayList;
import java.util.List;

/**
 * Contour lines of a value grid by marching squares: for each level, the segments where the
 * bilinear surface through the grid crosses it, with the crossing on each cell edge placed by
 * linear interpolation between the edge's two grid values. The grid is {@code z[j][i]} at
 * ({@code x[i]}, {@code y[j]}); a corner counts as above a level when z ≥ level. The two saddle
 * cells (opposite corners above) are split by the mean of the four corners, the value of the
 * bilinear surface at the cell's centre. NaN corners leave their cell without lines.
 */
public final class ContourLines {

    /** One straight piece of a contour line, in the axes' units. */
    public record Segment(double x1, double y1, double x2, double y2) {
    }

    /** All segments of one level. */
    public record Level(double value, List<Segment> segments) {
    }

    private ContourLines() {
    }

    public static List<Level> of(double[] x, double[] y, double[][] z, double[] levels) {
        if (z.length != y.length) {
            throw new IllegalArgumentException("grid has " + z.length + " rows for " + y.length + " y values");
        }
        for (double[] row : z) {
            if (row.length != x.length) {
                throw new IllegalArgumentException("grid row has " + row.length + " values for " + x.length + " x values");
            }
        }
        List<Level> out = new ArrayList<>(levels.length);
        for (double level : levels) {
            out.add(new Level(level, level(x, y, z, level)));
        }
        return out;
    }

    private static List<Segment> level(double[] x, double[] y, double[][] z, double c) {
        List<Segment> segments = new ArrayList<>();
        for (int j = 0; j + 1 < y.length; j++) {
            for (int i = 0; i + 1 < x.length; i++) {
                // Corners counter-clockwise from bottom-left: a (i, j), b (i+1, j), cc (i+1, j+1), d (i, j+1).
                double a = z[j][i];
                double b = z[j][i + 1];
                double cc = z[j + 1][i + 1];
                double d = z[j + 1][i];
                if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(cc) || Double.isNaN(d)) {
                    continue;
                }
                int index = (a >= c ? 1 : 0) | (b >= c ? 2 : 0) | (cc >= c ? 4 : 0) | (d >= c ? 8 : 0);
                if (index == 0 || index == 15) {
                    continue;
                }
                // Crossing points on the four edges (only those whose ends differ in side are used).
                double[] bottom = {x[i] + frac(a, b, c) * (x[i + 1] - x[i]), y[j]};
                double[] right = {x[i + 1], y[j] + frac(b, cc, c) * (y[j + 1] - y[j])};
                double[] top = {x[i] + frac(d, cc, c) * (x[i + 1] - x[i]), y[j + 1]};
                double[] left = {x[i], y[j] + frac(a, d, c) * (y[j + 1] - y[j])};
                switch (index) {
                    case 1, 14 -> add(segments, left, bottom);
                    case 2, 13 -> add(segments, bottom, right);
                    case 3, 12 -> add(segments, left, right);
                    case 4, 11 -> add(segments, right, top);
                    case 6, 9 -> add(segments, bottom, top);
                    case 7, 8 -> add(segments, left, top);
                    case 5, 10 -> {
                        // a and cc on one side, b and d on the other: the centre decides which pair is joined.
                        boolean centreAbove = (a + b + cc + d) / 4 >= c;
                        boolean aAbove = index == 5;
                        if (centreAbove == aAbove) {
                            // The centre is with a and cc: the b and d corners are cut off.
                            add(segments, bottom, right);
                            add(segments, left, top);
                        } else {
                            add(segments, left, bottom);
                            add(segments, right, top);
                        }
                    }
                    default -> throw new AssertionError(index);
                }
            }
        }
        return segments;
    }

    /** Where between p (at 0) and q (at 1) the linear interpolant equals c. */
    private static double frac(double p, double q, double c) {
        return p == q ? 0.5 : (c - p) / (q - p);
    }

    private static void add(List<Segment> segments, double[] p, double[] q) {
        segments.add(new Segment(p[0], p[1], q[0], q[1]));
    }
}
