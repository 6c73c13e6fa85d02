package org.hessianscope.analysis;

import java.util.List;
import org.hessianscope.task.ProgressMonitor;

/**
 * One analysis of a trained network: an options record in, a result record out. Registered
 * once in {@link Analyses}, it is run by {@link RunAnalysis} (the GUI and {@code analyze}),
 * stored under {@link AnalysisStep#key()} in {@code analysis.json} by {@link AnalysisStore}
 * and read back from there. docs/analyses.md walks through adding one.
 *
 * @param <O> the options record
 * @param <R> the result record, written and read as JSON by Jackson
 */
public interface Analysis<O, R> {
    /** Its key in {@code analysis.json} and its progress label. */
    AnalysisStep step();

    /** One line saying what it computes, for {@code analyze --list} and its help. */
    String description();

    /**
     * The analyses whose results {@link #run} reads through {@link AnalysisInput#result}; each is
     * registered before this one. {@code analyze --only} computes them first.
     */
    default List<Analysis<?, ?>> requires() {
        return List.of();
    }

    /** The class Jackson reads the stored result as. */
    Class<R> resultType();

    /** This analysis' options, from the settings a run is analysed with. */
    O options(AnalysisOptions settings);

    /** Computes the result; {@code input} holds the network, the samples and the analyses registered before it. */
    R run(AnalysisInput input, O options, ProgressMonitor monitor);

    /**
     * True when the result is a fast, deterministic function of the per-sample losses and the
     * options alone: the compact {@code analysis.json} then leaves it out and reading recomputes it.
     */
    default boolean fromLossesAlone() {
        return false;
    }

    /**
     * The expected cost of {@link #run} in per-sample forward passes, for {@code n} training samples: it
     * sets the pace of the progress bar and the expected duration ({@link PhasedSteps}), never a result.
     * The default, a pass over the losses, suits the analyses that only read them.
     */
    default double cost(AnalysisOptions settings, int n) {
        return PhasedSteps.OVER_LOSSES * n;
    }

    /**
     * False for an analysis that runs only when asked: when {@code settings} ask for it, or {@code analyze --only}
     * names it. The default analysis leaves it out, and {@code analysis.json} has no key for it until it has run.
     */
    default boolean requestedBy(AnalysisOptions settings) {
        return true;
    }

    /** True for an analysis that runs only when asked ({@link #requestedBy}); false for those every analysis runs. */
    default boolean onRequest() {
        return false;
    }

    /** One line for {@code analyze} to print, or null for none. */
    default String summary(R result, AnalysisResult all) {
        return null;
    }
}
