package org.hessianscope.analysis;

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

    /** One line for {@code analyze} to print, or null for none. */
    default String summary(R result, AnalysisResult all) {
        return null;
    }
}
