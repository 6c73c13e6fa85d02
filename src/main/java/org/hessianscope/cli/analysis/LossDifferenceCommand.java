package org.hessianscope.cli.analysis;

import org.hessianscope.cli.common.OrderingOptions;
import org.hessianscope.cli.common.RunLosses;
import org.hessianscope.io.AtomicFiles;
import org.hessianscope.landscape.LossDifference;
import org.hessianscope.landscape.LossDifferenceOptions;
import org.hessianscope.landscape.LossDifferenceResult;
import org.hessianscope.landscape.Smoothing;
import org.hessianscope.task.ProgressMonitor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "loss-difference", aliases = "lossdiff", mixinStandardHelpOptions = true,
        description = "Mean |L_{k+1} − L_k| over random orderings of per-sample losses, with exact values, "
                + "quantiles, smoothing and the paper's bound.")
public final class LossDifferenceCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--losses", paramLabel = "L.npy", required = true,
                description = "Per-sample losses at the trained weights: a 1-D float64/float32 .npy array.")
        Path losses;

        @Option(names = "--run", paramLabel = "RUN_DIR", required = true,
                description = "A run folder written by train: RUN_DIR/losses.npy if present, otherwise the losses "
                        + "are computed from its weights on the records it was trained on.")
        Path run;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Mixin
    OrderingOptions ordering;

    @Option(names = "--at", split = ",", paramLabel = "K",
            description = "k values reported in the JSON, e.g. 1000,5000,9999 (default: 1, N/2 and N−1).")
    List<Integer> at;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "With --run: folder holding the full dataset the run was trained on (see `datasets`).")
    Path dataDir;

    @Option(names = "--threads", description = "Worker threads (default: all cores); the result does not depend on it.")
    Integer threads;

    @Option(names = "--json", paramLabel = "OUT.json", required = true, description = "Summary and values at the --at k.")
    Path json;

    @Option(names = "--csv", paramLabel = "OUT.csv", description = "The full curves, one row per k.")
    Path csv;

    @Override
    public Integer call() throws IOException {
        ordering.validated();
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads = " + threads + ": must be at least 1");
        }
        StringBuilder from = new StringBuilder();
        double[] losses;
        if (source.losses != null) {
            losses = RunLosses.read(source.losses);
            from.append(source.losses);
        } else {
            losses = RunLosses.of(source.run, dataDir, from);
        }
        int n = losses.length;
        int[] ks = requestedK(n, from);
        LossDifferenceOptions options = LossDifferenceOptions.defaults().withOrderings(ordering.orderings).withSeed(ordering.seed)
                .withExtraK(ks);
        if (threads != null) {
            options = options.withThreads(threads);
        }
        LossDifferenceResult result = LossDifference.analyze(losses, options, ProgressMonitor.NONE);
        double[] smoothed = Smoothing.ema(result.meanAbs(), ordering.alpha);
        AtomicFiles.write(json, LossDifferenceReport.json(result, ks, smoothed).getBytes(StandardCharsets.UTF_8));
        if (csv != null) {
            AtomicFiles.write(csv, LossDifferenceReport.csv(result, ordering.alpha).getBytes(StandardCharsets.UTF_8));
        }
        System.out.println("losses: " + from);
        System.out.printf("lossDifference: N = %d, %d orderings, seed %d; E|ΔL_1| = %.4e, E|ΔL_{N-1}| = %.4e%n",
                n, ordering.orderings, ordering.seed, result.exactMeanAbsFirst(), result.exactMeanAbsLast());
        for (int k : ks) {
            System.out.printf("  k = %d: mean |ΔL| = %.4e ± %.1e (exact rms %.4e)%n", k, result.meanAbs(k),
                    result.stderrAbs(k), Math.sqrt(result.exactMeanSq(k)));
        }
        System.out.println("wrote " + json + (csv != null ? " and " + csv : ""));
        return 0;
    }

    private int[] requestedK(int n, CharSequence from) {
        int[] ks = at == null || at.isEmpty()
                ? new int[] {1, Math.max(1, n / 2), n - 1}
                : at.stream().mapToInt(Integer::intValue).toArray();
        for (int k : ks) {
            if (k < 1 || k > n - 1) {
                throw new IllegalArgumentException("--at " + k + ": k must be in 1.." + (n - 1) + " for the N = " + n
                        + " losses of " + from);
            }
        }
        return Arrays.stream(ks).distinct().sorted().toArray();
    }
}
