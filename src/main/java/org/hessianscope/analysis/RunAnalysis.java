package org.hessianscope.analysis;

import java.io.IOException;
import java.nio.file.Path;
import org.hessianscope.bounds.BoundHierarchy;
import org.hessianscope.curvature.HessianAnalysis;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.landscape.LossDifference;
import org.hessianscope.landscape.LossDifferenceResult;
import org.hessianscope.landscape.Smoothing;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.TrainedRun;
import org.hessianscope.train.TrainingResult;
import org.hessianscope.task.ProgressMonitor;

/**
 * The analysis of a trained run, step by step ({@link AnalysisStep}), each with its own
 * progress monitor so a caller shows and cancels every step alike. The GUI and the
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
        String status = trained.info().status();
        // Training writes only its end states; anything else (a hand-made "running") is not a finished run.
        if (java.util.Arrays.stream(TrainingResult.Status.values()).noneMatch(st -> st.key().equals(status))) {
            throw new IOException(run.resolve(RunFolder.INFO) + " says training ended as \"" + status
                    + "\"; only a completed, cancelled or diverged run can be analysed (train it again)");
        }
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

        ProgressMonitor m = monitors.forStep(AnalysisStep.LOSSES);
        double[] losses = engine.perSampleLosses(model, train, m);
        m.checkCancelled();

        m = monitors.forStep(AnalysisStep.PREDICTIONS);
        int n = train.size();
        int[] labels = new int[n];
        int[] predictions = new int[n];
        double[] x = new double[train.inputShape().channels() * train.inputShape().height() * train.inputShape().width()];
        for (int i = 0; i < n; i++) {
            m.checkCancelled();
            train.copyInput(i, x, 0);
            labels[i] = train.label(i);
            predictions[i] = argMax(engine.logits(model, x));
            if ((i + 1) % 256 == 0 || i + 1 == n) {
                m.progress(i + 1, n, AnalysisStep.PREDICTIONS.label());
            }
        }

        m = monitors.forStep(AnalysisStep.LOSS_DIFFERENCE);
        LossDifferenceResult diff = LossDifference.analyze(losses, options.lossDifference(), m);
        m.checkCancelled();
        double[] smoothed = Smoothing.emaBiasCorrected(diff.meanAbs(), options.alpha());

        m = monitors.forStep(AnalysisStep.CURVATURE);
        Samples subset = train.first(Math.min(n, options.curvatureSamples()));
        HessianAnalysis.Result curvature = HessianAnalysis.run(engine, model, subset, options.curvature(), m,
                lanczos);
        m.checkCancelled();

        m = monitors.forStep(AnalysisStep.BOUNDS);
        BoundHierarchy bounds = BoundHierarchy.of(run.spec(), run.weights(), subset,
                curvature.perSampleGgn().ggnNormWeightsOnly(), m);
        m.checkCancelled();
        return new AnalysisResult(options, losses, labels, predictions, diff, smoothed, curvature, bounds);
    }

    static int argMax(double[] z) {
        int best = 0;
        for (int c = 1; c < z.length; c++) {
            if (z[c] > z[best]) {
                best = c;
            }
        }
        return best;
    }
}
