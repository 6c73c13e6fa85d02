package org.hessianscope.figure;

import java.awt.Color;

/**
 * Run colours. A run keeps its colour in every chart because the colour depends only on
 * its index in the run list, never on which charts or curves are shown. The ten colours
 * are matplotlib's default cycle ("tab10"), which the authors' figures used.
 */
public final class Palette {
    private static final Color[] TAB10 = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf)};

    private Palette() {
    }

    /** Colour of run number {@code index} (0-based); cycles after ten runs. */
    public static Color colour(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("colour index = " + index + "; must be ≥ 0");
        }
        return TAB10[index % TAB10.length];
    }

    public static int size() {
        return TAB10.length;
    }

    /** The same colour with alpha in 0..1, for bands drawn under the curves. */
    static Color translucent(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(alpha * 255));
    }
}
