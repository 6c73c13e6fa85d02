package org.hessianscope.figure;

import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import org.hessianscope.landscape.LossDifferenceResult;

/**
 * The reduced curves of chart 1 per run, kept while the run's result is alive: the GUI rebuilds
 * chart 1 whenever a run arrives, is checked or selected, and reducing every 60,000-point curve of
 * every run again each time made reopening eight runs rebuild the same curves dozens of times on
 * the JavaFX thread (issue 17, defect 21). A result is one run's analysis as read from its file,
 * so this is keyed by run and analysis file; a curve also depends on how it is drawn (its key).
 * Only the JavaFX thread uses one.
 */
public final class LossDifferenceCurves {
    private final Map<LossDifferenceResult, Map<String, Curve>> curves = new WeakHashMap<>();
    private final Map<LossDifferenceResult, Integer> builds = new WeakHashMap<>();

    /** {@code key}'s curve of {@code run}, made once by {@code make}; {@code chart} counts the builds that made one. */
    Curve curve(LossDifferenceResult run, String key, Supplier<Curve> make, Object chart) {
        Map<String, Curve> of = curves.computeIfAbsent(run, r -> new HashMap<>());
        Curve c = of.get(key);
        if (c == null) {
            c = make.get();
            of.put(key, c);
            if (counted.put(run, chart) != chart) {
                builds.merge(run, 1, Integer::sum);
            }
        }
        return c;
    }

    private final Map<LossDifferenceResult, Object> counted = new WeakHashMap<>();

    /** How many chart builds reduced {@code run}'s curves (1 while its view and size stay the same). */
    public int builds(LossDifferenceResult run) {
        return builds.getOrDefault(run, 0);
    }
}
