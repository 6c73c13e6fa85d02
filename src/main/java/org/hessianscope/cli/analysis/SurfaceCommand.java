package org.hessianscope.cli.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hessianscope.analysis.RunTrainingSet;
import org.hessianscope.cli.common.ConsoleProgress;
import org.hessianscope.curvature.LanczosOptions;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.TrainedRun;
import org.hessianscope.surface.DirectionKinds;
import org.hessianscope.surface.Surface;
import org.hessianscope.surface.SurfaceJson;
import org.hessianscope.surface.SurfaceOptions;
import org.hessianscope.surface.SurfaceResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code surface}: a 1D or 2D slice of a run's loss landscape around θ̂ (docs/surface.md), written as JSON for
 * {@code figure surface}. {@code analyze --surface KIND} computes the same and stores it in analysis.json.
 */
@Command(name = "surface", mixinStandardHelpOptions = true,
        description = "A 1D or 2D slice of the loss landscape around a run's trained weights θ̂: at every grid point "
                + "L_k for several k, the accuracy, σ(ℓ) of the per-sample losses and the quadratic model (docs/surface.md).")
public final class SurfaceCommand implements Callable<Integer> {

    @Option(names = "--run", paramLabel = "RUN_DIR", required = true, description = "A run folder written by train.")
    Path run;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding the full dataset the run was trained on (see `datasets`).")
    Path dataDir;

    @Option(names = "--directions", paramLabel = "KIND", defaultValue = SurfaceOptions.DEFAULT_DIRECTIONS,
            description = "hessian (top eigenvectors), random (filter-normalised), trajectory (principal directions "
                    + "of the training path; needs checkpoints), interpolation (θ₀ → θ̂, 1D) or file "
                    + "(--direction-file); default ${DEFAULT-VALUE}.")
    String directions;

    @Option(names = "--direction-file", paramLabel = "V.npy",
            description = "With --directions file: a .npy of P values (--dims 1) or dims × P.")
    Path directionFile;

    @Option(names = "--dims", defaultValue = "2", description = "1 (a line) or 2 (a plane); default ${DEFAULT-VALUE}.")
    int dims;

    @Option(names = "--grid", paramLabel = "POINTS",
            description = "Points per axis, odd (default " + SurfaceOptions.DEFAULT_GRID_2D + " in 2D, "
                    + SurfaceOptions.DEFAULT_GRID_1D + " in 1D).")
    Integer grid;

    @Option(names = "--range", defaultValue = "" + SurfaceOptions.DEFAULT_RANGE,
            description = "Coordinates over [−range, range] in the directions' units (default ${DEFAULT-VALUE}).")
    double range;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "" + SurfaceOptions.DEFAULT_SAMPLES,
            description = "The first N training samples, in file order (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--k", paramLabel = "K", split = ",", defaultValue = "100,1000,all",
            description = "The k of L_k, comma-separated, `all` for N (default ${DEFAULT-VALUE}).")
    List<String> k;

    @Option(names = "--operator", defaultValue = SurfaceOptions.HESSIAN,
            description = "What the hessian directions are eigenvectors of: hessian (H) or ggn (H_O); default ${DEFAULT-VALUE}.")
    String operator;

    @Option(names = "--lanczos-steps", defaultValue = "" + LanczosOptions.DEFAULT_STEPS,
            description = "Lanczos steps for the hessian directions (default ${DEFAULT-VALUE}).")
    int lanczosSteps;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the random directions and of Lanczos (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--force", description = "Compute a grid of more than " + SurfaceOptions.MAX_POINTS + " points.")
    boolean force;

    @Option(names = "--threads", description = "Worker threads (default: all cores); the result does not depend on it.")
    Integer threads;

    @Option(names = "--json", paramLabel = "OUT.json", required = true, description = "Where to write the result.")
    Path json;

    @Override
    public Integer call() throws Exception {
        SurfaceOptions options = SurfaceSettings.options(directions, dims, grid, range, samples, k, operator, lanczosSteps,
                seed, force, directionFile == null ? null : directionFile.toString());
        TrainedRun trained = RunFolder.read(run);
        // Only the slice's first samples are read: the embedded subset serves a run trained on the full set.
        Samples train = RunTrainingSet.loadFirst(run, trained.info(), new DatasetCatalog(DataLocations.ofSystem(dataDir)),
                options.samples());
        Model model = new Model(Network.of(trained.spec()), trained.weights());
        SurfaceResult r;
        ConsoleProgress progress = ConsoleProgress.onTerminal();
        try (Engine engine = threads == null ? Engine.create() : new Engine(threads)) {
            r = Surface.compute(engine, model, train, trained.init(), run, options, DirectionKinds.byKey(directions),
                    progress);
        } finally {
            progress.finish();
        }
        SurfaceJson.write(json, r);
        System.out.println(summary(r));
        System.out.println("wrote " + json);
        return 0;
    }

    static String summary(SurfaceResult r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "surface: %s directions, %d×%d grid, %d samples; %s",
                r.directions(), r.rows(), r.columns(), r.samples(), r.units()));
        int[] o = r.origin();
        for (int g = 0; g < r.k().length; g++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : r.loss()[g]) {
                for (double v : row) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            sb.append(String.format(Locale.ROOT, "%nL_%d: %.6g at θ̂, from %.6g to %.6g on the grid", r.k()[g],
                    o == null ? Double.NaN : r.loss()[g][o[0]][o[1]], min, max));
        }
        return sb.toString();
    }
}
