package org.hessianscope.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The registry: every analysis of a trained run, in the order {@link RunAnalysis} runs them (an
 * analysis reads only those before it). Adding one is a class and a line here; docs/analyses.md.
 */
public final class Analyses {
    public static final LossDifferenceAnalysis LOSS_DIFFERENCE = new LossDifferenceAnalysis();
    public static final SmoothingAnalysis SMOOTHED = new SmoothingAnalysis();
    public static final CurvatureAnalysis CURVATURE = new CurvatureAnalysis();
    public static final BoundsAnalysis BOUNDS = new BoundsAnalysis();
    public static final SurfaceAnalysis SURFACE = new SurfaceAnalysis();
    public static final DeltaAnalysis DELTA = new DeltaAnalysis();

    /** In running order; also the order of their keys in {@code analysis.json}. */
    public static final List<Analysis<?, ?>> ALL = List.of(LOSS_DIFFERENCE, SMOOTHED, CURVATURE, BOUNDS, SURFACE,
            DELTA);

    /** The analyses a run analysed with {@code settings} computes unless told {@code --only}: all but those not asked for. */
    public static List<Analysis<?, ?>> wanted(AnalysisOptions settings) {
        return ALL.stream().filter(a -> a.requestedBy(settings)).toList();
    }

    /** The registered analysis of {@code key}; an unknown key is an IllegalArgumentException naming the valid ones. */
    public static Analysis<?, ?> byKey(String key) {
        for (Analysis<?, ?> a : ALL) {
            if (a.step().key().equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no analysis '" + key + "'; registered: " + keys());
    }

    /** The registered keys in running order, comma-separated. */
    public static String keys() {
        return ALL.stream().map(a -> a.step().key()).collect(Collectors.joining(", "));
    }

    /** {@code chosen} and everything they read ({@link Analysis#requires()}, transitively), in running order. */
    public static List<Analysis<?, ?>> withRequirements(Collection<? extends Analysis<?, ?>> chosen) {
        Set<Analysis<?, ?>> needed = new LinkedHashSet<>();
        List<Analysis<?, ?>> open = new ArrayList<>(chosen);
        while (!open.isEmpty()) {
            Analysis<?, ?> a = open.remove(open.size() - 1);
            if (needed.add(a)) {
                open.addAll(a.requires());
            }
        }
        return ALL.stream().filter(needed::contains).toList();
    }

    private Analyses() {
    }
}
