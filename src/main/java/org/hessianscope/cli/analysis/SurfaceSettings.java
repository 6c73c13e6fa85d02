package org.hessianscope.cli.analysis;

import java.util.List;
import org.hessianscope.surface.SurfaceOptions;
import org.hessianscope.task.InvalidSettingException;

/**
 * The slice settings as {@code surface} and {@code analyze --surface-*} read them: one place turns the flags
 * (the same settings under two sets of names) into {@link SurfaceOptions}, so both commands default and
 * check them alike.
 */
final class SurfaceSettings {
    private SurfaceSettings() {
    }

    /** The options of the flags; {@code grid} null takes the default of {@code dims}, {@code directionFile} may be null. */
    static SurfaceOptions options(String directions, int dims, Integer grid, double range, int samples, List<String> k,
            String operator, int lanczosSteps, long seed, boolean force, String directionFile) {
        return new SurfaceOptions(directions, dims, grid == null ? SurfaceOptions.defaultGrid(dims) : grid, range,
                samples, parseK(k), operator, lanczosSteps, seed, force, directionFile);
    }

    /** The k of {@code --k}: whole numbers and {@code all}; a word that is neither is named with what is valid. */
    static int[] parseK(List<String> values) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            String v = values.get(i).strip();
            if (v.equalsIgnoreCase("all")) {
                out[i] = SurfaceOptions.ALL;
                continue;
            }
            try {
                out[i] = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new InvalidSettingException("{k} has \"" + v + "\"; give whole numbers ≥ 1 or all, e.g. 100,1000,all");
            }
            if (out[i] < 1) {
                throw new InvalidSettingException("{k} has " + v + "; each k is at least 1, or all");
            }
        }
        return out;
    }
}
