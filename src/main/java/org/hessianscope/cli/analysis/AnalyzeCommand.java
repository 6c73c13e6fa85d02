package org.hessianscope.cli.analysis;

import org.hessianscope.cli.common.ConsoleProgress;
import org.hessianscope.cli.common.OrderingOptions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.analysis.RunAnalysis;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.engine.Engine;
import org.hessianscope.landscape.LossDifferenceResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse a run folder as the GUI does (per-sample losses, predictions, loss differences, "
                + "curvature, bounds) "
                + "and write RUN_DIR/" + AnalysisStore.FILE + ", which the GUI shows when the run is opened.")
public final class AnalyzeCommand implements Callable<Integer> {

    @Option(names = "--run", paramLabel = "RUN_DIR", required = true, description = "A run folder written by train.")
    Path run;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding the full dataset the run was trained on (see `datasets`).")
    Path dataDir;

    @Mixin
    OrderingOptions ordering;

    @Option(names = "--curvature-samples", defaultValue = "1000",
            description = "The first N training samples are the curvature and bound subset (default ${DEFAULT-VALUE}).")
    int curvatureSamples;

    @Option(names = "--lanczos-steps", defaultValue = "40", description = "Lanczos steps per operator (default ${DEFAULT-VALUE}).")
    int lanczosSteps;

    @Option(names = "--per-sample-full", defaultValue = "50",
            description = "Random samples whose ‖H_i‖ and ‖H_F,i‖ are found by Lanczos, plus the 20 of highest loss "
                    + "(0: skip; default ${DEFAULT-VALUE}).")
    int perSampleFull;

    @Option(names = "--threads", description = "Worker threads (default: all cores); the result does not depend on it.")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        ordering.validated();
        AnalysisOptions options = AnalysisOptions.of(ordering.orderings, ordering.seed, ordering.alpha,
                threads == null ? Runtime.getRuntime().availableProcessors() : threads)
                .withCurvature(curvatureSamples, lanczosSteps, perSampleFull);
        ConsoleProgress progress = ConsoleProgress.onTerminal();
        AnalysisResult r;
        try (Engine engine = Engine.create()) {
            r = new RunAnalysis(engine).analyzeFolder(run, new DatasetCatalog(DataLocations.ofSystem(dataDir)), options,
                    step -> progress);
        } finally {
            progress.finish();
        }
        LossDifferenceResult d = r.lossDifference();
        System.out.printf(Locale.ROOT, "%d samples, mean loss %.6f, accuracy %.4f%n", r.n(), d.losses().mean(),
                r.accuracy());
        System.out.printf(Locale.ROOT, "|L_2 - L_1| = %.6g, |L_N - L_{N-1}| = %.6g (mean of %d orderings)%n",
                d.meanAbs(1), d.meanAbs(r.n() - 1), d.orderings());
        System.out.printf(Locale.ROOT, "curvature on %d samples: λ_max(H) = %.6g, ‖H_O‖ = %.6g, ‖H_F‖/‖H_O‖ = %.4g%n",
                r.curvature().samples(), r.curvature().hessian().top()[0], r.curvature().ggn().top()[0],
                r.curvature().residualOverGgn());
        System.out.printf(Locale.ROOT, "log10 bounds on max_i ‖H_O,i‖: paper %.2f, Lemma 2 with true norms %.2f; "
                        + "measured %.4g%n", r.bounds().paper().log10(), r.bounds().lemma2Actual().log10(),
                r.bounds().measuredMax());
        System.out.println("wrote " + run.resolve(AnalysisStore.FILE));
        return 0;
    }
}
