package org.hessianscope.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

class SurfaceFigureTest {

    @Test
    void contoursOfAPlaneLieOnItsLevelLines() {
        // f(α, β) = α + 2β on a 5 × 5 grid over [−1, 1]²: the level c is the line α + 2β = c.
        double[] c = {-1, -0.5, 0, 0.5, 1};
        double[][] f = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                f[i][j] = c[i] + 2 * c[j];
            }
        }
        XYSeries s = SurfaceFigure.contours("f", f, c, c, new double[] {0.3, -1.7});
        int points = 0;
        for (int n = 0; n < s.getItemCount(); n++) {
            double y = s.getY(n).doubleValue();
            if (Double.isNaN(y)) {
                continue;
            }
            double v = s.getX(n).doubleValue() + 2 * y;
            assertTrue(Math.abs(v - 0.3) < 1e-12 || Math.abs(v + 1.7) < 1e-12, "point on a level line: " + v);
            points++;
        }
        // Every segment is two points and a NaN break.
        assertEquals(0, s.getItemCount() % 3);
        assertEquals(2 * s.getItemCount() / 3, points);
        assertTrue(points > 10, "both levels cross the grid");
    }

    @Test
    void theColourMapRunsFromViridisDarkToYellow() {
        assertEquals(new Color(0x440154), SurfaceFigure.colour(0));
        assertEquals(new Color(0xfde725), SurfaceFigure.colour(1));
        assertEquals(new Color(0x21918c), SurfaceFigure.colour(0.5));
        assertEquals(SurfaceFigure.colour(1), SurfaceFigure.colour(7), "clamped");
    }
}
