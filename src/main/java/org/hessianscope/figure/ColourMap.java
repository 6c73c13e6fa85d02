package org.hessianscope.figure;

import java.awt.Color;

/**
 * The colour map of every landscape picture (heat maps, colour bars, the 3D surface), so a
 * value has one colour wherever it is drawn: matplotlib's "viridis", whose lightness rises
 * monotonically (dark = low loss), which reads in greyscale and for colour-blind readers.
 * The anchors are viridis at t = 0, 0.1, …, 1 (matplotlib's table, entries 0, 25, 51, …, 255);
 * between them it is linear in sRGB, which differs from the 256-entry table by under 1/255.
 */
public final class ColourMap {
    private static final double[][] VIRIDIS = {
            {0.267004, 0.004874, 0.329415}, {0.282623, 0.140926, 0.457517}, {0.253935, 0.265254, 0.529983},
            {0.206756, 0.371758, 0.553117}, {0.163625, 0.471133, 0.558148}, {0.127568, 0.566949, 0.550556},
            {0.134692, 0.658636, 0.517649}, {0.266941, 0.748751, 0.440573}, {0.477504, 0.821444, 0.318195},
            {0.741388, 0.873449, 0.149561}, {0.993248, 0.906157, 0.143936}};

    private ColourMap() {
    }

    /** The colour at {@code t} in [0, 1] as 0xRRGGBB; t outside is clamped, NaN is grey (a point not computed). */
    public static int rgb(double t) {
        if (Double.isNaN(t)) {
            return 0x808080;
        }
        double s = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) Math.floor(s));
        double f = s - i;
        int rgb = 0;
        for (int c = 0; c < 3; c++) {
            double v = VIRIDIS[i][c] + f * (VIRIDIS[i + 1][c] - VIRIDIS[i][c]);
            rgb = (rgb << 8) | (int) Math.round(v * 255);
        }
        return rgb;
    }

    public static Color colour(double t) {
        return new Color(rgb(t));
    }
}
