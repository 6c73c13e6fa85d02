package org.hessianscope.ui.common;

import java.util.Locale;

/** Short human durations for estimates and "time left". */
public final class Durations {
    private Durations() {
    }

    public static String format(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.0f s", Math.max(1, seconds));
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%.0f min %02.0f s", Math.floor(seconds / 60), seconds % 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
