package org.hessianscope.cli;

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
import picocli.CommandLine.Option;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse a run folder as the GUI does (per-sample losses, predictions, loss differences) "
                + "and write RUN_DIR/" + AnalysisStore.FILE + ", which the GUI shows when the run is opened.")
final class AnalyzeCommand implements Callable<Integer> {

    @Option(names = "--run", paramLabel = "RUN_DIR", required = true, description = "A run folder written by train.")
    Path run;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding the full dataset the run was trained on (see `datasets`).")
    Path dataDir;

    @Option(names = "--orderings", defaultValue = "500", description = "Random orderings S (default ${DEFAULT-VALUE}).")
    int orderings;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the orderings (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--alpha", defaultValue = "0.995", description = "Smoothing factor (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--threads", description = "Worker threads (default: all cores); the result does not depend on it.")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        AnalysisOptions options = new AnalysisOptions(orderings, seed, alpha,
                threads == null ? Runtime.getRuntime().availableProcessors() : threads);
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
        System.out.println("wrote " + run.resolve(AnalysisStore.FILE));
        return 0;
    }
}
