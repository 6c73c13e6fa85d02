package org.hessianscope.analysis;

import org.hessianscope.Tolerances;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.engine.Engine;
import org.hessianscope.landscape.LossDifference;
import org.hessianscope.landscape.LossDifferenceResult;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.RunInfo;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunAnalysisTest {
    /** Mean loss and accuracy come from two summation orders of the same doubles (150 terms). */
    static final double SUM_ORDER_TOL = Tolerances.SUM_ORDER_F64;
    static final int N = 150;
    static final AnalysisOptions OPTIONS = AnalysisOptions.of(40, 7, AnalysisOptions.PAPER_ALPHA, 2)
            .withCurvature(60, 12, 4);

    @TempDir
    static Path tmp;
    static DatasetCatalog catalog;
    static Path run;
    static AnalysisResult result;

    @BeforeAll
    static void analyse() throws IOException {
        catalog = TinyRuns.embedded(tmp.resolve("no-data"));
        run = TinyRuns.train(tmp.resolve("run"), 1, N, catalog);
        try (Engine engine = new Engine(2)) {
            result = new RunAnalysis(engine).analyzeFolder(run, catalog, OPTIONS, RunAnalysis.StepMonitors.NONE);
        }
    }

    @Test
    void lossesAndPredictionsAgreeWithTheEvaluationWrittenAtTrainingTime() throws IOException {
        RunInfo.Metrics train = RunFolder.readInfo(run).train();
        assertEquals(N, result.n());
        double mean = 0;
        for (double l : result.losses()) {
            mean += l;
        }
        // run.json's loss and accuracy come from Engine.lossAndAccuracy, a separate pass from
        // per-sample losses and the logits' arg-max.
        assertEquals(train.loss(), mean / N, SUM_ORDER_TOL);
        assertEquals(train.accuracy(), result.accuracy(), 0.0);
    }

    @Test
    void predictionsOfTheParallelPassAreTheArgMaxOfEachSampleLogits() throws IOException {
        org.hessianscope.run.TrainedRun trained = RunFolder.read(run);
        org.hessianscope.data.Samples train = RunTrainingSet.load(run, trained.info(), catalog);
        org.hessianscope.engine.Model model = new org.hessianscope.engine.Model(
                org.hessianscope.engine.Network.of(trained.spec()), trained.weights());
        try (Engine engine = new Engine(1)) {
            double[] x = new double[train.inputShape().channels() * train.inputShape().height()
                    * train.inputShape().width()];
            for (int i = 0; i < N; i++) {
                train.copyInput(i, x, 0);
                double[] z = engine.logits(model, x);
                int best = 0;
                for (int c = 1; c < z.length; c++) {
                    best = z[c] > z[best] ? c : best;
                }
                assertEquals(best, result.predictions()[i], "sample " + i);
                assertEquals(train.label(i), result.labels()[i]);
            }
        }
    }

    @Test
    void lastLossDifferenceMatchesItsClosedForm() {
        // At k = N−1 only the last sample j varies: |ΔL| = |ℓ_j − (S − ℓ_j)/(N−1)|/N = |Nℓ_j − S| / (N(N−1)),
        // averaged over the N equally likely j.
        double[] l = result.losses();
        double s = 0;
        for (double x : l) {
            s += x;
        }
        double expected = 0;
        for (double x : l) {
            expected += Math.abs(N * x - s) / ((double) N * (N - 1));
        }
        expected /= N;
        assertEquals(expected, result.lossDifference().exactMeanAbsLast(), 1e-12);
    }

    @Test
    void lossDifferenceIsTheLandscapeResultForTheSeedAndIsSmoothed() {
        LossDifferenceResult direct = LossDifference.analyze(result.losses(), OPTIONS.lossDifference());
        assertEquals(direct, result.lossDifference());
        assertEquals(7, result.lossDifference().seed());
        assertEquals(40, result.lossDifference().orderings());
        // Bias-corrected EMA: the first smoothed value is the first value itself.
        assertEquals(result.lossDifference().meanAbs(1), result.smoothed()[0], 0.0);
        assertEquals(N - 1, result.smoothed().length);
    }

    @Test
    void curvatureAndBoundsCoverTheFirstSamplesAndAgree() {
        double[] perSample = result.curvature().perSampleGgn().ggnNorm();
        assertEquals(60, result.curvature().samples());
        assertEquals(60, perSample.length);
        double mean = 0;
        for (double g : perSample) {
            mean += g / perSample.length;
        }
        // ‖(1/n) Σ H_O,i‖ ≤ (1/n) Σ ‖H_O,i‖ (triangle inequality); Lanczos approaches the norm from below.
        assertTrue(result.curvature().ggn().top()[0] <= mean * (1 + 1e-9),
                result.curvature().ggn().top()[0] + " > " + mean);
        double max = 0;
        for (double g : result.curvature().perSampleGgn().ggnNormWeightsOnly()) {
            max = Math.max(max, g);
        }
        assertEquals(max, result.bounds().measuredMax(), 0.0, "the bound's measured value is the largest weights-only norm");
        assertArrayEquals(java.util.Arrays.copyOf(result.losses(), 60), result.curvatureLosses());
    }

    @Test
    void storedAnalysisReadsBackTheSameNumbers() throws IOException {
        AnalysisResult back = AnalysisStore.read(run).orElseThrow();
        assertArrayEquals(result.losses(), back.losses());
        assertArrayEquals(result.labels(), back.labels());
        assertArrayEquals(result.predictions(), back.predictions());
        assertArrayEquals(result.smoothed(), back.smoothed());
        assertEquals(result.lossDifference(), back.lossDifference());
        assertEquals(OPTIONS, back.options());
        assertArrayEquals(result.curvature().hessian().top(), back.curvature().hessian().top());
        assertArrayEquals(result.curvature().perSampleGgn().ggnNorm(), back.curvature().perSampleGgn().ggnNorm());
        assertEquals(result.bounds().paper(), back.bounds().paper());
        assertEquals(result.bounds().lemma2Actual(), back.bounds().lemma2Actual());
    }

    @Test
    void aDamagedAnalysisFileIsNamedInTheError() throws IOException {
        Path copy = tmp.resolve("damaged");
        Files.createDirectories(copy);
        Files.writeString(copy.resolve(AnalysisStore.FILE), "{\"losses\": [1, 2");
        IOException e = assertThrows(IOException.class, () -> AnalysisStore.read(copy));
        assertTrue(e.getMessage().contains(copy.resolve(AnalysisStore.FILE).toString()), e.getMessage());
        assertTrue(AnalysisStore.read(tmp.resolve("nothing-here")).isEmpty());
    }

    @Test
    void aCancelledStepStopsTheAnalysisBeforeAnythingIsWritten() throws IOException {
        Path other = TinyRuns.train(tmp.resolve("cancelled"), 1, 20, catalog);
        ProgressMonitor cancelled = new ProgressMonitor() {
            public void progress(long done, long total, String message) {
            }

            public boolean isCancelled() {
                return true;
            }
        };
        try (Engine engine = new Engine(1)) {
            assertThrows(CancellationException.class, () -> new RunAnalysis(engine).analyzeFolder(other, catalog,
                    OPTIONS, step -> step.equals(Analyses.CURVATURE.step()) ? cancelled : ProgressMonitor.NONE));
        }
        assertFalse(Files.exists(other.resolve(AnalysisStore.FILE)));
    }
}
