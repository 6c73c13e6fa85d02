package org.hessianscope.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hessianscope.curvature.HessianAnalysis;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.engine.PerSampleOutputs;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.TrainedRun;
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

        StepMonitors NONE = step -> ProgressMonitor.NONE;
    }

    private final Engine engine;

    public RunAnalysis(Engine engine) {
        this.engine = engine;
    }

    /** Reads the run folder and the data it was trained on, analyses, and writes {@code analysis.json} into it. */
    public AnalysisResult analyzeFolder(Path run, DatasetCatalog catalog, AnalysisOptions options, StepMonitors monitors)
            throws IOException {
        return analyzeFolder(run, catalog, options, monitors, HessianAnalysis.Listener.NONE);
    }

    /** As above; {@code lanczos} hears every Lanczos step of the curvature step, for a live convergence view. */
    public AnalysisResult analyzeFolder(Path run, DatasetCatalog catalog, AnalysisOptions options, StepMonitors monitors,
                                        HessianAnalysis.Listener lanczos) throws IOException {
        TrainedRun trained = RunFolder.read(run);
        Samples train = RunTrainingSet.load(run, trained.info(), catalog);
        AnalysisResult result = analyze(trained, train, options, monitors, lanczos);
        AnalysisStore.write(run, result);
        return result;
    }

    public AnalysisResult analyze(TrainedRun run, Samples train, AnalysisOptions options, StepMonitors monitors) {
        return analyze(run, train, options, monitors, HessianAnalysis.Listener.NONE);
    }

    public AnalysisResult analyze(TrainedRun run, Samples train, AnalysisOptions options, StepMonitors monitors,
                                  HessianAnalysis.Listener lanczos) {
        if (train.size() < 2) {
            throw new IllegalArgumentException("the training set has " + train.size()
                    + " sample(s); the loss difference needs at least 2");
        }
        Model model = new Model(Network.of(run.spec()), run.weights());

        ProgressMonitor m = monitors.forStep(AnalysisStep.PER_SAMPLE);
        PerSampleOutputs pass = engine.perSampleOutputs(model, train, m);
        m.checkCancelled();
        int[] labels = new int[train.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = train.label(i);
        }

        Map<String, Object> results = new LinkedHashMap<>();
        AnalysisInput input = new AnalysisInput(engine, model, run.spec(), train, pass.losses(), labels,
                pass.predictions(), Collections.unmodifiableMap(results), lanczos);
        for (Analysis<?, ?> a : Analyses.ALL) {
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
