package org.hessianscope.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hessianscope.curvature.Curvature;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.engine.PerSampleOutputs;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.TrainedRun;
import org.hessianscope.train.TrainingResult;
import org.hessianscope.task.ProgressMonitor;

/**
 * The analysis of a trained run, step by step ({@link AnalysisStep}): one parallel forward
 * pass for the per-sample losses and predictions, then every analysis in {@link Analyses}
 * in registry order, each with its own progress monitor so a caller shows and cancels every
 * step alike. The GUI and the
 * {@code analyze} command both call this, so they never compute a number two ways.
 */
public final class RunAnalysis {

    /** Hands out one monitor per step; a cancelled monitor stops the analysis with a CancellationException. */
    @FunctionalInterface
    public interface StepMonitors {
        ProgressMonitor forStep(AnalysisStep step);

        /** Called once before the first step, with the options, the training set's size and the analyses to run. */
        default void begin(AnalysisOptions options, int samples, List<Analysis<?, ?>> analyses) {
        }

        StepMonitors NONE = step -> ProgressMonitor.NONE;
    }

    private final Engine engine;

    public RunAnalysis(Engine engine) {
        this.engine = engine;
    }

    /** Reads the run folder and the data it was trained on, analyses, and writes {@code analysis.json} into it. */
    public AnalysisResult analyzeFolder(Path run, DatasetCatalog catalog, AnalysisOptions options, StepMonitors monitors)
            throws IOException {
        return analyzeFolder(run, catalog, options, monitors, Curvature.Listener.NONE);
    }

    /** As above; {@code lanczos} hears every Lanczos step of the curvature step, for a live convergence view. */
    public AnalysisResult analyzeFolder(Path run, DatasetCatalog catalog, AnalysisOptions options, StepMonitors monitors,
                                        Curvature.Listener lanczos) throws IOException {
        return analyzeFolder(run, catalog, options, monitors, lanczos, Analyses.wanted(options));
    }

    /**
     * As above, computing only {@code chosen} and what they read ({@link Analyses#withRequirements}).
     * The results of the others already in {@code analysis.json} are kept when they were computed with
     * the same settings on the same losses (they would come out bit for bit the same), so running
     * one analysis alone does not throw away a long curvature step; otherwise they are left out.
     */
    public AnalysisResult analyzeFolder(Path run, DatasetCatalog catalog, AnalysisOptions options, StepMonitors monitors,
                                        Curvature.Listener lanczos, List<? extends Analysis<?, ?>> chosen)
            throws IOException {
        TrainedRun trained = RunFolder.read(run);
        String status = trained.info().status();
        // Training writes only its end states; anything else (a hand-made "running") is not a finished run.
        if (java.util.Arrays.stream(TrainingResult.Status.values()).noneMatch(st -> st.key().equals(status))) {
            throw new IOException(run.resolve(RunFolder.INFO) + " says training ended as \"" + status
                    + "\"; only a completed, cancelled or diverged run can be analysed (train it again)");
        }
        Samples train = RunTrainingSet.load(run, trained.info(), catalog);
        AnalysisResult result = analyze(trained, run, train, options, monitors, lanczos, chosen);
        if (result.results().size() < Analyses.ALL.size()) {
            result = withStored(result, AnalysisStore.read(run));
        }
        AnalysisStore.write(run, result);
        return result;
    }

    /** {@code fresh} plus the stored results it lacks, when the stored analysis is of the same losses and settings. */
    static AnalysisResult withStored(AnalysisResult fresh, Optional<AnalysisResult> stored) {
        if (stored.isEmpty() || !sameInputs(fresh, stored.get())) {
            return fresh;
        }
        Map<String, Object> results = new LinkedHashMap<>();
        for (Analysis<?, ?> a : Analyses.ALL) {
            String key = a.step().key();
            Object r = fresh.results().containsKey(key) ? fresh.results().get(key) : stored.get().results().get(key);
            if (r != null) {
                results.put(key, r);
            }
        }
        return new AnalysisResult(fresh.options(), fresh.losses(), fresh.labels(), fresh.predictions(), results);
    }

    /** Same per-sample pass and same settings; the thread count is not a setting of the result. */
    private static boolean sameInputs(AnalysisResult a, AnalysisResult b) {
        AnalysisOptions o = b.options();
        AnalysisOptions asA = new AnalysisOptions(o.orderings(), o.seed(), o.alpha(), a.options().threads(),
                o.curvatureSamples(), o.lanczosSteps(), o.perSampleFull(), a.options().surface(), a.options().delta());
        return asA.equals(a.options()) && Arrays.equals(a.losses(), b.losses()) && Arrays.equals(a.labels(), b.labels())
                && Arrays.equals(a.predictions(), b.predictions());
    }

    public AnalysisResult analyze(TrainedRun run, Samples train, AnalysisOptions options, StepMonitors monitors) {
        return analyze(run, train, options, monitors, Curvature.Listener.NONE);
    }

    public AnalysisResult analyze(TrainedRun run, Samples train, AnalysisOptions options, StepMonitors monitors,
                                  Curvature.Listener lanczos) {
        return analyze(run, train, options, monitors, lanczos, Analyses.wanted(options));
    }

    /** Only {@code chosen} and the analyses they read, in registry order; the others are absent from the result. */
    public AnalysisResult analyze(TrainedRun run, Samples train, AnalysisOptions options, StepMonitors monitors,
                                  Curvature.Listener lanczos, List<? extends Analysis<?, ?>> chosen) {
        return analyze(run, null, train, options, monitors, lanczos, chosen);
    }

    /** As above, for the run read from {@code folder} (null when it was not read from one). */
    private AnalysisResult analyze(TrainedRun run, Path folder, Samples train, AnalysisOptions options,
                                   StepMonitors monitors, Curvature.Listener lanczos,
                                   List<? extends Analysis<?, ?>> chosen) {
        if (train.size() < 2) {
            throw new IllegalArgumentException("the training set has " + train.size()
                    + " sample(s); the loss difference needs at least 2");
        }
        Model model = new Model(Network.of(run.spec()), run.weights());

        List<Analysis<?, ?>> steps = Analyses.withRequirements(chosen);
        monitors.begin(options, train.size(), steps);
        ProgressMonitor m = monitors.forStep(AnalysisStep.PER_SAMPLE);
        PerSampleOutputs pass = engine.perSampleOutputs(model, train, m);
        m.checkCancelled();
        int[] labels = new int[train.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = train.label(i);
        }

        Map<String, Object> results = new LinkedHashMap<>();
        AnalysisInput input = new AnalysisInput(engine, model, run.spec(), train, pass.losses(), labels,
                pass.predictions(), Collections.unmodifiableMap(results), lanczos, run.init(), folder);
        for (Analysis<?, ?> a : steps) {
            m = monitors.forStep(a.step());
            results.put(a.step().key(), run(a, input, options, m));
            m.checkCancelled();
        }
        return new AnalysisResult(options, pass.losses(), labels, pass.predictions(), results);
    }

    private static <O, R> R run(Analysis<O, R> analysis, AnalysisInput input, AnalysisOptions settings,
                                ProgressMonitor monitor) {
        return analysis.run(input, analysis.options(settings), monitor);
    }
}
