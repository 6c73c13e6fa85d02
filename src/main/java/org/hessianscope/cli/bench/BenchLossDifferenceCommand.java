package org.hessianscope.cli.bench;

import org.hessianscope.landscape.LossDifference;
import org.hessianscope.landscape.LossDifferenceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.concurrent.Callable;

@Command(name = "loss-difference", aliases = "lossdiff", mixinStandardHelpOptions = true,
        description = "Loss-difference analysis of synthetic exponential losses (paper scale: 500 orderings of 60,000).")
public final class BenchLossDifferenceCommand implements Callable<Integer> {

    @Option(names = "--n", defaultValue = "60000", description = "Number of losses (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--orderings", defaultValue = "500", description = "Random orderings (default ${DEFAULT-VALUE}).")
    int orderings;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs after warm-up (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed warm-up runs (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of losses and orderings (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (n < 2 || orderings < 1 || runs < 1 || warmup < 0) {
            throw new IllegalArgumentException("--n must be ≥ 2, --orderings ≥ 1, --runs ≥ 1, --warmup ≥ 0; got "
                    + n + ", " + orderings + ", " + runs + ", " + warmup);
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        double[] losses = BenchOrderings.exponentialLosses(n, seed);
        LossDifferenceOptions opt = LossDifferenceOptions.defaults().withOrderings(orderings).withSeed(seed)
                .withThreads(t);
        for (int i = 0; i < warmup; i++) {
            LossDifference.analyze(losses, opt);
        }
        System.gc();
        long baseline = heapUsed();
        resetPeaks();
        double[] seconds = new double[runs];
        double check = 0;
        long cpu0 = processCpuNanos();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            check += LossDifference.analyze(losses, opt).meanAbs(n - 1);
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        double cpuPerRun = (processCpuNanos() - cpu0) / 1e9 / runs;
        long peak = peakHeap();
        Arrays.sort(seconds);
        System.out.printf("lossDifference: %d orderings x %d losses, %d threads, %d cores%n",
                orderings, n, t, Runtime.getRuntime().availableProcessors());
        System.out.printf("wall time: median %.3f s, min %.3f s, max %.3f s over %d runs (after %d warm-up)%n",
                seconds[runs / 2], seconds[0], seconds[runs - 1], runs, warmup);
        System.out.printf("cpu time: %.3f s per run (all threads; on a busy machine wall time exceeds cpu/threads)%n",
                cpuPerRun);
        System.out.printf("heap: %.1f MB in use before, peak %.1f MB during the runs (sum of heap pool peaks)%n",
                baseline / 1e6, peak / 1e6);
        System.out.printf("check value (mean |ΔL| at k = N-1, summed over runs): %.6e%n", check);
        return 0;
    }

    /** Process CPU time (includes GC and JIT threads); 0 when the JVM does not expose it. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
