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
 * The JavaFX thread builds charts from it while the threads that read analyses fill it in advance.
 */
public final class LossDifferenceCurves {
    private final Map<LossDifferenceResult, Map<String, Curve>> curves = new WeakHashMap<>();
    private final Map<LossDifferenceResult, Integer> builds = new WeakHashMap<>();

    /**
     * {@code key}'s curve of {@code run}, made once by {@code make}; {@code chart} counts the builds that made one.
     * The curve is made outside the lock, so the JavaFX thread never waits for a reduction another thread does; if
     * both make it, the first one stored is kept.
     */
    Curve curve(LossDifferenceResult run, String key, Supplier<Curve> make, Object chart) {
        synchronized (this) {
            Map<String, Curve> of = curves.get(run);
            Curve c = of == null ? null : of.get(key);
            if (c != null) {
                return c;
            }
        }
        Curve made = make.get();
        synchronized (this) {
            Curve c = curves.computeIfAbsent(run, r -> new HashMap<>()).putIfAbsent(key, made);
            if (c != null) {
                return c;
            }
            if (counted.put(run, chart) != chart) {
                builds.merge(run, 1, Integer::sum);
            }
            return made;
        }
    }

    private final Map<LossDifferenceResult, Object> counted = new WeakHashMap<>();

    /** How many chart builds (or {@link LossDifferenceFigure#prepare}s) reduced {@code run}'s curves (1 while its view and size stay the same). */
    public synchronized int builds(LossDifferenceResult run) {
        return builds.getOrDefault(run, 0);
    }
}
