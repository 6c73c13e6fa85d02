package org.hessianscope.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Marching squares against level crossings worked out by hand, and against a circle. */
class ContourLinesTest {
    private static final double EPS = 1e-12;

    @Test
    void aPlaneIsCutAlongTheLineWhereItEqualsTheLevel() {
        // z = x + y on x = 0, 1, 2 and y = 0, 1; level 1.5 is the line x + y = 1.5.
        double[] x = {0, 1, 2};
        double[] y = {0, 1};
        double[][] z = {{0, 1, 2}, {1, 2, 3}};
        List<ContourLines.Segment> s = ContourLines.of(x, y, z, new double[] {1.5}).get(0).segments();
        assertEquals(2, s.size());
        // Cell 1 (corners 0, 1, 2, 1): only the top-right corner is above; the crossings are halfway up
        // its right edge (1 → 2) and halfway along its top edge (1 → 2).
        assertSegment(s.get(0), 1, 0.5, 0.5, 1);
        // Cell 2 (corners 1, 2, 3, 2): only the bottom-left corner is below; halfway up the left edge, halfway along the bottom.
        assertSegment(s.get(1), 1, 0.5, 1.5, 0);
        // Level 0.25: a quarter of the way along the first cell's left and bottom edges.
        List<ContourLines.Segment> low = ContourLines.of(x, y, z, new double[] {0.25}).get(0).segments();
        assertEquals(1, low.size());
        assertSegment(low.get(0), 0, 0.25, 0.25, 0);
    }

    @Test
    void aSaddleCellIsSplitByTheValueAtItsCentre() {
        // Corners 1 (0,0), 0 (1,0), 1 (1,1), 0 (0,1): the bilinear surface is 0.5 at the centre.
        double[] x = {0, 1};
        double[] y = {0, 1};
        double[][] z = {{1, 0}, {0, 1}};
        // Level 0.4 is below the centre: the high corners join through it, the low corners (1,0) and (0,1) are cut off.
        List<ContourLines.Segment> below = ContourLines.of(x, y, z, new double[] {0.4}).get(0).segments();
        assertEquals(2, below.size());
        assertSegment(below.get(0), 0.6, 0, 1, 0.4);
        assertSegment(below.get(1), 0, 0.6, 0.4, 1);
        // Level 0.6 is above it: now the high corners (0,0) and (1,1) are cut off.
        List<ContourLines.Segment> above = ContourLines.of(x, y, z, new double[] {0.6}).get(0).segments();
        assertEquals(2, above.size());
        assertSegment(above.get(0), 0, 0.4, 0.4, 0);
        assertSegment(above.get(1), 1, 0.6, 0.6, 1);
    }

    @Test
    void levelsOutsideTheValuesAndCellsWithNaNHaveNoLines() {
        double[] x = {0, 1, 2};
        double[] y = {0, 1};
        double[][] z = {{0, 1, Double.NaN}, {1, 2, 3}};
        List<ContourLines.Level> levels = ContourLines.of(x, y, z, new double[] {-1, 5, 1.5});
        assertEquals(0, levels.get(0).segments().size());
        assertEquals(0, levels.get(1).segments().size());
        assertEquals(1, levels.get(2).segments().size(), "only the cell without NaN");
        assertEquals(1.5, levels.get(2).value());
    }

    @Test
    void theContourOfAParaboloidIsACircleThatCloses() {
        int n = 41;
        double h = 0.05;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -1 + i * h;
        }
        double[][] z = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                z[j][i] = x[i] * x[i] + x[j] * x[j];
            }
        }
        double r = 0.7;
        List<ContourLines.Segment> s = ContourLines.of(x, x, z, new double[] {r * r}).get(0).segments();
        assertTrue(s.size() > 40, "a circle of radius 0.7 crosses many cells: " + s.size());
        Set<String> ends = new HashSet<>();
        for (ContourLines.Segment seg : s) {
            // Linear interpolation of t² along an edge of length h misplaces the crossing by at most h²/(8r)-ish.
            assertEquals(r, Math.hypot(seg.x1(), seg.y1()), h * h);
            assertEquals(r, Math.hypot(seg.x2(), seg.y2()), h * h);
            toggle(ends, seg.x1(), seg.y1());
            toggle(ends, seg.x2(), seg.y2());
        }
        assertEquals(Set.of(), ends, "every end point is shared by two segments: the line is closed");
    }

    private static void toggle(Set<String> ends, double x, double y) {
        String key = String.format(java.util.Locale.ROOT, "%.9f,%.9f", x, y);
        if (!ends.remove(key)) {
            ends.add(key);
        }
    }

    private static void assertSegment(ContourLines.Segment s, double x1, double y1, double x2, double y2) {
        assertEquals(x1, s.x1(), EPS, s.toString());
        assertEquals(y1, s.y1(), EPS, s.toString());
        assertEquals(x2, s.x2(), EPS, s.toString());
        assertEquals(y2, s.y2(), EPS, s.toString());
    }
}
