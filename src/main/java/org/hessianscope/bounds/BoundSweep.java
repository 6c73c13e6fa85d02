package org.hessianscope.bounds;

import java.util.Comparator;
import java.util.List;

/**
 * The hierarchy across a sweep of trained networks (e.g. L = 2..7), one row per network in
 * order of layer count, so that the growth of each level with L can be read off.
 */
public final class BoundSweep {

    /** One network of a sweep: log10 of each level and the looseness of the two bounds, in orders of magnitude. */
    public record Row(int layers, String paperBound, double paperLog10, double lemma2ActualLog10,
                      double measuredLog10, double loosenessPaper, double loosenessLemma2Actual) {
    }

    private BoundSweep() {
    }

    public static List<Row> byLayerCount(List<BoundHierarchy> hierarchies) {
        return hierarchies.stream()
                .map(h -> new Row(h.conventions().layers(), h.paper().name(), h.paper().log10(), h.lemma2Actual().log10(),
                        Math.log10(h.measuredMax()), h.loosenessPaper(), h.loosenessLemma2Actual()))
                .sorted(Comparator.comparingInt(Row::layers))
                .toList();
    }
}
