package org.hessianscope.cli.analysis;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hessianscope.cli.common.ConsoleProgress;
import org.hessianscope.cli.common.DatasetOptions;
import org.hessianscope.cli.common.ModelSource;
import org.hessianscope.data.Dataset;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Network;
import org.hessianscope.surface.DeltaJson;
import org.hessianscope.surface.DeltaMonteCarlo;
import org.hessianscope.surface.DeltaOptions;
import org.hessianscope.surface.DeltaResult;
import org.hessianscope.surface.NetworkObjective;
import org.hessianscope.task.InvalidSettingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "delta", mixinStandardHelpOptions = true,
        description = "Δ_{k+1}(σ) = E_{w∼N(θ̂,σ²I)}[(L_{k+1}(w) − L_k(w))²] by Monte Carlo around the trained weights, "
                + "in the full space or a random filter-normalised subspace, for a log-spaced grid of k, next to the "
                + "quadratic model's closed form (docs/delta.md).")
public final class DeltaCommand implements Callable<Integer> {

    @Mixin
    ModelSource modelSource;

    @Mixin
    DatasetOptions data;

    @Option(names = "--sigma", paramLabel = "S1[,S2...]", split = ",", defaultValue = "1e-3,1e-2,1e-1",
            description = "Perturbation scales σ, in units of ‖θ̂‖/√P unless --absolute (default ${DEFAULT-VALUE}).")
    double[] sigma;

    @Option(names = "--absolute", description = "σ in parameter units instead of ‖θ̂‖/√P.")
    boolean absolute;

    @Option(names = "--draws", paramLabel = "M", defaultValue = "" + DeltaOptions.DEFAULT_DRAWS,
            description = "Draws of w for each σ (default ${DEFAULT-VALUE}).")
    int draws;

    @Option(names = "--subspace", paramLabel = "D", defaultValue = "" + DeltaOptions.DEFAULT_SUBSPACE,
            description = "Dimension of the random filter-normalised subspace the draws lie in, 0 for the full space "
                    + "(default ${DEFAULT-VALUE}).")
    int subspace;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "" + DeltaOptions.DEFAULT_SAMPLES,
            description = "L_k is the mean loss of the first k of the first N training samples, in file order "
                    + "(default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--k-points", paramLabel = "K", defaultValue = "" + DeltaOptions.DEFAULT_K_POINTS,
            description = "About this many k, log-spaced from 1 to N − 1 (default ${DEFAULT-VALUE}).")
    int kPoints;

    @Option(names = "--probes", paramLabel = "M", defaultValue = "" + DeltaOptions.DEFAULT_PROBES,
            description = "Rademacher probes of the Hutchinson estimate of ‖A‖_F² in the quadratic model's prediction, "
                    + "used in the full space of a network with more than " + DeltaMonteCarlo.EXACT_FULL_MAX
                    + " parameters (default ${DEFAULT-VALUE}).")
    int probes;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the subspace, the draws and the probes (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Worker threads (default: all cores; the result is the same for any).")
    Integer threads;

    @Option(names = "--json", paramLabel = "OUT.json", required = true, description = "Where to write the result.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (probes < 1) {
            throw new InvalidSettingException("{probes} = " + probes + "; need 1 to " + DeltaOptions.MAX_PROBES);
        }
        DeltaOptions options = new DeltaOptions(sigma, !absolute, draws, subspace, samples, kPoints, seed, probes);
        ModelSource.Loaded loaded = modelSource.load();
        Dataset train = data.train();
        ModelSource.checkFits(loaded.spec(), train, train.describe());
        int n = Math.min(samples, train.size());
        DeltaResult result;
        ConsoleProgress progress = ConsoleProgress.onTerminal();
        try (Engine engine = threads == null ? Engine.create() : new Engine(threads)) {
            NetworkObjective objective = new NetworkObjective(engine, Network.of(loaded.spec()), train.first(n));
            result = DeltaMonteCarlo.estimate(objective, loaded.theta(), options, progress);
        } finally {
            progress.finish();
        }
        DeltaJson.write(json, result);
        System.out.println(loaded.description() + " on the first " + n + " samples of " + train.describe());
        System.out.println(summary(result));
        System.out.println("wrote " + json);
        return 0;
    }

    /** One line per σ: Δ at the first and last k, with the quadratic model's value. */
    static String summary(DeltaResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Δ_{k+1}(σ), %d draws in the %s; %s", r.options().draws(),
                r.space(), r.quadraticNote()));
        int last = r.k().length - 1;
        for (int s = 0; s < r.options().sigma().length; s++) {
            sb.append(String.format(Locale.ROOT, "%nσ = %.3g%s (%.4g absolute): k = %d: %.4g ± %.2g%s; k = %d: %.4g ± %.2g%s",
                    r.options().sigma()[s], r.options().relative() ? " ‖θ̂‖/√P" : "", r.sigmaAbsolute()[s],
                    r.k()[0], r.mean()[s][0], r.standardError()[s][0], quadratic(r, s, 0),
                    r.k()[last], r.mean()[s][last], r.standardError()[s][last], quadratic(r, s, last)));
        }
        return sb.toString();
    }

    private static String quadratic(DeltaResult r, int s, int j) {
        if (r.quadratic() == null) {
            return "";
        }
        if (r.quadraticStandardError() == null) {
            return String.format(Locale.ROOT, " (quadratic %.4g)", r.quadratic()[s][j]);
        }
        return String.format(Locale.ROOT, " (quadratic %.4g ± %.2g)", r.quadratic()[s][j],
                r.quadraticStandardError()[s][j]);
    }
}
