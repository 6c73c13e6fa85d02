package org.hessianscope.curvature;

import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.KeptPasses;
import org.hessianscope.engine.Model;
import org.hessianscope.task.ProgressMonitor;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * ‖H_i‖ and ‖H_F,i‖ of single-sample losses by Lanczos (largest magnitude at either end),
 * next to the exact ‖H_O,i‖, for a subset of samples: random ones plus those of highest
 * loss, where the Gauss-Newton approximation is most likely to fail.
 */
public final class PerSampleFull {

    /**
     * @param random      samples drawn uniformly without replacement (seeded)
     * @param highestLoss samples of highest loss added to them (duplicates count once)
     * @param lanczos     options of each single-sample Lanczos; its top/bottom counts are ignored (1 each)
     */
    public record Options(int random, int highestLoss, LanczosOptions lanczos, long seed) {
        public Options {
            if (random < 0 || highestLoss < 0 || random + highestLoss == 0) {
                throw new IllegalArgumentException("per-sample full norms need a positive number of samples; got "
                        + random + " random and " + highestLoss + " highest-loss");
            }
        }

        /** 200 random samples plus the 20 of highest loss, 40 Lanczos steps each. */
        public static Options defaults(long seed) {
            return new Options(200, 20, LanczosOptions.defaults().withSeed(seed), seed);
        }
    }

    /** One sample: its index in the analysed set, its loss and the three norms. */
    public record Entry(int index, double loss, double hessianNorm, double residualNorm, double ggnNorm) {
        /** ‖H_F,i‖ / ‖H_O,i‖: small where the Gauss-Newton approximation holds. */
        public double ratio() {
            return residualNorm / ggnNorm;
        }
    }

    /** Entries in increasing index order, with the median and maximum of ‖H_F,i‖/‖H_O,i‖. */
    public record Result(Entry[] entries, double medianRatio, double maxRatio) {
    }

    private PerSampleFull() {
    }

    public static Result compute(Engine engine, Model model, Samples samples, Options options, ProgressMonitor monitor) {
        if (samples.size() == 0) {
            throw new IllegalArgumentException("per-sample full norms need at least one sample; got zero");
        }
        double[] losses = engine.perSampleLosses(model, samples, ProgressMonitor.NONE);
        int[] subset = chooseSubset(losses, options.random(), options.highestLoss(), options.seed());
        boolean[] weights = model.network().layout().weightMask();
        LanczosOptions lanczos = options.lanczos().withCounts(1, 1);
        Entry[] entries = new Entry[subset.length];
        // One Lanczos per sample and operator; samples run side by side on the engine's pool since a
        // single-sample product is one engine block and would leave the other cores idle.
        engine.forEachItem(subset.length, 1, monitor, k -> {
            int i = subset[k];
            Samples one = samples.select(new int[] {i});
            // The sample's forward and loss-cotangent passes serve every product of both runs (the same bits).
            KeptPasses kept = engine.keep(model, one, Curvature.keepBudget());
            double h = Lanczos.run(engine.hessianOperator(model, one, kept), lanczos, quiet(monitor), s -> { })
                    .largestMagnitude();
            double f = Lanczos.run(engine.residualOperator(model, one, kept), lanczos, quiet(monitor), s -> { })
                    .largestMagnitude();
            double o = PerSampleGgn.of(engine, model, samples.input(i), weights).full();
            entries[k] = new Entry(i, losses[i], h, f, o);
            return String.format(Locale.ROOT, "sample %d: ‖H_F‖/‖H_O‖ = %.4g", i, entries[k].ratio());
        });
        double[] ratios = Arrays.stream(entries).mapToDouble(Entry::ratio).toArray();
        Summary s = Summary.of(ratios);
        return new Result(entries, s.median(), s.max());
    }

    /** The union of {@code random} seeded random indices and the {@code highest} of largest loss, ascending. */
    static int[] chooseSubset(double[] losses, int random, int highest, long seed) {
        int n = losses.length;
        TreeSet<Integer> chosen = new TreeSet<>();
        int[] perm = IntStream.range(0, n).toArray();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int k = 0; k < Math.min(random, n); k++) {
            int j = k + rng.nextInt(n - k);
            int t = perm[k];
            perm[k] = perm[j];
            perm[j] = t;
            chosen.add(perm[k]);
        }
        Integer[] byLoss = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(byLoss, Comparator.comparingDouble((Integer i) -> -losses[i]).thenComparingInt(i -> i));
        for (int k = 0; k < Math.min(highest, n); k++) {
            chosen.add(byLoss[k]);
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Passes cancellation through but not the inner per-step progress, which would drown the per-sample count. */
    private static ProgressMonitor quiet(ProgressMonitor outer) {
        return new ProgressMonitor() {
            public void progress(long done, long total, String message) {
            }

            public boolean isCancelled() {
                return outer.isCancelled();
            }
        };
    }
}
