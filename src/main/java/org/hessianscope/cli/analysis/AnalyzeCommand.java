package org.hessianscope.cli.analysis;

import org.hessianscope.cli.common.ConsoleProgress;
import org.hessianscope.cli.common.OrderingOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hessianscope.analysis.Analyses;
import org.hessianscope.analysis.Analysis;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.analysis.RunAnalysis;
import org.hessianscope.curvature.HessianAnalysis;
import org.hessianscope.curvature.LanczosOptions;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.engine.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse a run folder as the GUI does (per-sample losses and predictions, then every analysis: "
                + "loss difference, curvature, bounds) "
                + "and write RUN_DIR/" + AnalysisStore.FILE + ", which the GUI shows when the run is opened.")
public final class AnalyzeCommand implements Callable<Integer> {

    @Option(names = "--run", paramLabel = "RUN_DIR", required = true, description = "A run folder written by train.")
    Path run;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding the full dataset the run was trained on (see `datasets`).")
    Path dataDir;

    @Mixin
    OrderingOptions ordering;

    @Option(names = "--curvature-samples", defaultValue = "" + HessianAnalysis.DEFAULT_SAMPLES,
            description = "The first N training samples are the curvature and bound subset (default ${DEFAULT-VALUE}).")
    int curvatureSamples;

    @Option(names = "--lanczos-steps", defaultValue = "" + LanczosOptions.DEFAULT_STEPS, description = "Lanczos steps per operator (default ${DEFAULT-VALUE}).")
    int lanczosSteps;

    @Option(names = "--per-sample-full", defaultValue = "" + AnalysisOptions.DEFAULT_PER_SAMPLE_FULL,
            description = "Random samples whose ‖H_i‖ and ‖H_F,i‖ are found by Lanczos, plus the " + HessianAnalysis.HIGHEST_LOSS + " of highest loss "
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
        for (Analysis<?, ?> a : Analyses.ALL) {
            String line = summary(a, r);
            if (line != null) {
                System.out.println(line);
            }
        }
        System.out.println("wrote " + run.resolve(AnalysisStore.FILE));
        return 0;
    }

    private static <R> String summary(Analysis<?, R> a, AnalysisResult r) {
        R result = r.get(a);
        return result == null ? null : a.summary(result, r);
    }
}
