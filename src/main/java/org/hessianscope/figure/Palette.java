package org.hessianscope.figure;

import java.awt.Color;

/**
 * Run colours. A run keeps its colour in every chart because the colour is chosen once per
 * run, from its key ({@link #stable}), never from which charts or curves are shown. The ten colours
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

    /**
     * The colour index a run identified by {@code key} prefers: the first bytes of the key's
     * SHA-256, modulo the palette, so a run gets the same colour in every session whatever the
     * order its list was opened in (issue 17, defect 15).
     */
    public static int preferred(String key) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            int v = ((d[0] & 0xff) << 16) | ((d[1] & 0xff) << 8) | (d[2] & 0xff);
            return v % TAB10.length;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * {@code key}'s preferred colour, or the next one after it that no index in {@code taken}
     * has, so runs shown together stay apart; the preferred one when all ten are taken.
     */
    public static int stable(String key, java.util.Collection<Integer> taken) {
        int first = preferred(key);
        for (int step = 0; step < TAB10.length; step++) {
            int c = (first + step) % TAB10.length;
            if (!taken.contains(c)) {
                return c;
            }
        }
        return first;
    }

    public static int size() {
        return TAB10.length;
    }

    /** The same colour with alpha in 0..1, for bands drawn under the curves. */
    static Color translucent(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(alpha * 255));
    }
}
