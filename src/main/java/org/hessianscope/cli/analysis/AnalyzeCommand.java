package org.hessianscope.cli.analysis;

import org.hessianscope.cli.common.ConsoleProgress;
import org.hessianscope.cli.common.OrderingOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hessianscope.analysis.Analyses;
import org.hessianscope.analysis.Analysis;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.analysis.AnalysisStore;
import org.hessianscope.analysis.PhasedSteps;
import org.hessianscope.analysis.RunAnalysis;
import org.hessianscope.curvature.Curvature;
import org.hessianscope.curvature.LanczosOptions;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.engine.Engine;
import org.hessianscope.surface.DeltaOptions;
import org.hessianscope.surface.SurfaceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse a run folder as the GUI does (per-sample losses and predictions, then every registered "
                + "analysis, or those --only names) and write RUN_DIR/" + AnalysisStore.FILE
                + ", which the GUI shows when the run is opened. --list names the analyses.")
public final class AnalyzeCommand implements Callable<Integer> {

    @Option(names = "--run", paramLabel = "RUN_DIR", description = "A run folder written by train (required unless --list).")
    Path run;

    @Option(names = "--only", paramLabel = "KEY", split = ",", completionCandidates = Keys.class,
            description = "Compute only these analyses (${COMPLETION-CANDIDATES}; comma-separated) and those they read; "
                    + "results already in " + AnalysisStore.FILE + " with the same settings are kept.")
    List<String> only;

    @Option(names = "--list", description = "Print the registered analyses (key, label, what it computes) and exit.")
    boolean list;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding the full dataset the run was trained on (see `datasets`).")
    Path dataDir;

    @Mixin
    OrderingOptions ordering;

    @Option(names = "--curvature-samples", defaultValue = "" + Curvature.DEFAULT_SAMPLES,
            description = "The first N training samples are the curvature and bound subset (default ${DEFAULT-VALUE}).")
    int curvatureSamples;

    @Option(names = "--lanczos-steps", defaultValue = "" + LanczosOptions.DEFAULT_STEPS, description = "Lanczos steps per operator (default ${DEFAULT-VALUE}).")
    int lanczosSteps;

    @Option(names = "--per-sample-full", defaultValue = "" + AnalysisOptions.DEFAULT_PER_SAMPLE_FULL,
            description = "Random samples whose ‖H_i‖ and ‖H_F,i‖ are found by Lanczos, plus the " + Curvature.HIGHEST_LOSS + " of highest loss "
                    + "(0: skip; default ${DEFAULT-VALUE}).")
    int perSampleFull;

    @Option(names = "--threads", description = "Worker threads (default: all cores); the result does not depend on it.")
    Integer threads;

    // The surface analysis runs only when asked: --surface KIND (or --only surface). Field names are the
    // SurfaceOptions components, so a bad value is named by its flag here.
    @Option(names = "--surface", paramLabel = "KIND",
            description = "Also compute a landscape slice along hessian, random or interpolation directions "
                    + "(docs/surface.md; the surface command has the same settings without the prefix).")
    String directions;

    @Option(names = "--surface-dims", defaultValue = "2", description = "1 (a line) or 2 (a plane); default ${DEFAULT-VALUE}.")
    int dims;

    @Option(names = "--surface-grid", paramLabel = "POINTS",
            description = "Points per axis, odd (default " + SurfaceOptions.DEFAULT_GRID_2D + " in 2D, "
                    + SurfaceOptions.DEFAULT_GRID_1D + " in 1D).")
    Integer grid;

    @Option(names = "--surface-range", defaultValue = "" + SurfaceOptions.DEFAULT_RANGE,
            description = "Coordinates over [−range, range] (default ${DEFAULT-VALUE}).")
    double range;

    @Option(names = "--surface-samples", paramLabel = "N", defaultValue = "" + SurfaceOptions.DEFAULT_SAMPLES,
            description = "The slice's subset: the first N training samples (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--surface-k", paramLabel = "K", split = ",", defaultValue = "100,1000,all",
            description = "The k of L_k, `all` for N (default ${DEFAULT-VALUE}).")
    List<String> k;

    @Option(names = "--surface-operator", defaultValue = SurfaceOptions.HESSIAN,
            description = "hessian (H) or ggn (H_O) for the hessian directions (default ${DEFAULT-VALUE}).")
    String operator;

    @Option(names = "--force", description = "Compute a slice of more than " + SurfaceOptions.MAX_POINTS + " points.")
    boolean force;

    // Δ_{k+1}(σ) runs only when asked: --delta (or --only delta), with the delta command's defaults.
    @Option(names = "--delta", description = "Also estimate Δ_{k+1}(σ) around θ̂ (docs/delta.md; the delta command "
            + "has the same settings without the prefix).")
    boolean delta;

    @Option(names = "--delta-sigma", paramLabel = "S1[,S2...]", split = ",", defaultValue = "1e-3,1e-2,1e-1",
            description = "With --delta: σ relative to ‖θ̂‖/√P (default ${DEFAULT-VALUE}).")
    double[] deltaSigma;

    @Option(names = "--delta-draws", paramLabel = "M", defaultValue = "" + DeltaOptions.DEFAULT_DRAWS,
            description = "With --delta: draws for each σ (default ${DEFAULT-VALUE}).")
    int deltaDraws;

    @Option(names = "--delta-subspace", paramLabel = "D", defaultValue = "" + DeltaOptions.DEFAULT_SUBSPACE,
            description = "With --delta: subspace dimension, 0 for the full space (default ${DEFAULT-VALUE}).")
    int deltaSubspace;

    /** Analyses expected to take longer than this say so before the long part. */
    static final double LONG_SECONDS = 60;

    @Override
    public Integer call() throws Exception {
        if (list) {
            for (Analysis<?, ?> a : Analyses.ALL) {
                System.out.println(listing(a));
            }
            return 0;
        }
        if (run == null) {
            throw new IllegalArgumentException("--run RUN_DIR is required (or --list to see the analyses)");
        }
        ordering.validated();
        AnalysisOptions options = AnalysisOptions.of(ordering.orderings, ordering.seed, ordering.alpha,
                threads == null ? Runtime.getRuntime().availableProcessors() : threads)
                .withCurvature(curvatureSamples, lanczosSteps, perSampleFull)
                .withSurface(directions == null ? null : SurfaceSettings.options(directions, dims, grid, range, samples,
                        k, operator, lanczosSteps, ordering.seed, force, null))
                .withDelta(delta ? DeltaOptions.ofAnalysis(deltaSigma, deltaDraws, deltaSubspace, ordering.seed) : null);
        List<Analysis<?, ?>> chosen = only == null ? Analyses.wanted(options)
                : only.stream().<Analysis<?, ?>>map(key -> Analyses.byKey(key.strip())).toList();
        ConsoleProgress progress = ConsoleProgress.onTerminal();
        PhasedSteps steps = new PhasedSteps(progress, seconds -> {
            if (seconds > LONG_SECONDS) {
                progress.note("analyze: expected to take about " + ConsoleProgress.duration(seconds) + " more on this "
                        + "machine (from the pace of its first products); --curvature-samples, --lanczos-steps "
                        + "and --per-sample-full make it shorter");
            }
        });
        AnalysisResult r;
        try (Engine engine = Engine.create()) {
            r = new RunAnalysis(engine).analyzeFolder(run, new DatasetCatalog(DataLocations.ofSystem(dataDir)), options,
                    steps, Curvature.Listener.NONE, chosen);
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

    /** The registered keys, for the help text and shell completion of {@code --only}. */
    static final class Keys implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Analyses.ALL.stream().map(a -> a.step().key()).iterator();
        }
    }

    /** One line of {@code --list}: key, label and description, tab-separated. */
    static String listing(Analysis<?, ?> a) {
        return a.step().key() + "\t" + a.step().label() + "\t" + a.description();
    }

    private static <R> String summary(Analysis<?, R> a, AnalysisResult r) {
        R result = r.get(a);
        return result == null ? null : a.summary(result, r);
    }
}
