package org.hessianscope.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The landscape colour map is viridis, and the colour scale places values as stated. */
class ColourMapTest {

    @Test
    void theEndsAndTheMiddleAreViridisAndTheRestIsInterpolated() {
        // matplotlib: viridis(0) = #440154, viridis(0.5) = #21918c, viridis(1) = #fde725.
        assertEquals(0x440154, ColourMap.rgb(0));
        assertEquals(0x21918c, ColourMap.rgb(0.5));
        assertEquals(0xfde725, ColourMap.rgb(1));
        // Halfway between the anchors at 0 and 0.1: the mean of (0.267004, 0.004874, 0.329415) and
        // (0.282623, 0.140926, 0.457517) times 255 is (70.08, 18.59, 100.33).
        assertEquals((70 << 16) | (19 << 8) | 100, ColourMap.rgb(0.05));
        assertEquals(ColourMap.rgb(0), ColourMap.rgb(-3), "clamped below");
        assertEquals(ColourMap.rgb(1), ColourMap.rgb(7), "clamped above");
        assertEquals(0x808080, ColourMap.rgb(Double.NaN), "a point not computed is grey");
    }

    @Test
    void lightnessRisesSoLowLossIsDark() {
        double last = -1;
        for (int i = 0; i <= 100; i++) {
            int c = ColourMap.rgb(i / 100.0);
            double luminance = 0.2126 * lin(c >> 16) + 0.7152 * lin((c >> 8) & 0xff) + 0.0722 * lin(c & 0xff);
            assertTrue(luminance > last, "t = " + i / 100.0);
            last = luminance;
        }
    }

    private static double lin(int channel) {
        double v = channel / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    @Test
    void aLogScalePlacesDecadesEvenly() {
        ColourScale log = new ColourScale(1, 100, true);
        assertEquals(0.5, log.fraction(10), 1e-15);
        assertEquals(ColourMap.rgb(0.5), log.rgb(10));
        assertArrayEquals(new double[] {10}, log.levels(1), 1e-12);
        ColourScale linear = new ColourScale(0, 4, false);
        assertArrayEquals(new double[] {1, 2, 3}, linear.levels(3), 1e-15);
        assertEquals(0.25, linear.fraction(1), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new ColourScale(0, 1, true));
    }

    @Test
    void theScaleSpansEveryGridAndFallsBackToLinearForNonPositiveValues() {
        double[][] a = {{0.5, 2}, {Double.NaN, 1}};
        double[][] b = {{4, 3}};
        ColourScale s = ColourScale.spanning(true, a, b);
        assertEquals(new ColourScale(0.5, 4, true), s);
        assertEquals(new ColourScale(-1, 2, false), ColourScale.spanning(true, new double[][] {{-1, 2}}));
    }
}
