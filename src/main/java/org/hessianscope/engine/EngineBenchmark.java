package org.hessianscope.engine;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.ParameterLayout;
import org.hessianscope.data.InMemorySamples;
import org.hessianscope.data.Samples;
import org.hessianscope.task.ProgressMonitor;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Times the engine on the paper's MNIST net (L = 4, C = 6, k = 3, linear head, P = 25,060)
 * with random weights and inputs: milliseconds per sample for forward, gradient, H v and H_O v,
 * on 1 and 2 threads. A benchmark, not a test: nothing is asserted.
 */
public final class EngineBenchmark {

    /**
     * One measurement, the best of several timed repetitions divided by the number of samples:
     * wall-clock milliseconds, and the process CPU milliseconds spent in that repetition (all threads),
     * which stays meaningful on a machine shared with other work.
     */
    public record Timing(String operation, int threads, double msPerSample, double cpuMsPerSample) {
    }

    private static final int WARMUP_RUNS = 2;
    private static final int TIMED_RUNS = 3;

    private EngineBenchmark() {
    }

    public static ArchitectureSpec paperNet() {
        return ArchitectureSpec.paper(InputShape.MNIST, 4, 6, 3, null, 10);
    }

    /** Timings for each operation and each thread count in {@code threadCounts}, over {@code samples} random inputs. */
    public static List<Timing> run(int samples, int[] threadCounts, long seed) {
        ArchitectureSpec spec = paperNet();
        Network network = Network.of(spec);
        Model model = new Model(network, pytorchLikeWeights(network.layout(), seed));
        Samples data = randomSamples(spec, samples, seed + 1);
        double[] v = new Random(seed + 2).doubles(network.parameterCount(), -1, 1).toArray();
        List<Timing> out = new ArrayList<>();
        for (int threads : threadCounts) {
            try (Engine engine = new Engine(threads)) {
                out.add(time("forward", threads, samples, e -> e.perSampleLosses(model, data, ProgressMonitor.NONE), engine));
                out.add(time("gradient", threads, samples, e -> e.lossAndGradient(model, data), engine));
                out.add(time("hvp", threads, samples, e -> e.hvp(model, data, v), engine));
                out.add(time("ggnProduct", threads, samples, e -> e.ggnProduct(model, data, v), engine));
            }
        }
        return out;
    }

    public static void main(String[] args) {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        System.out.printf(Locale.ROOT, "engine benchmark: L=4 C=6 k=3 MNIST net, P=%d, %d random samples%n",
                Network.of(paperNet()).parameterCount(), samples);
        System.out.printf(Locale.ROOT, "%-12s %8s %14s %18s%n", "operation", "threads", "ms/sample", "cpu ms/sample");
        for (Timing t : run(samples, new int[] {1, 2}, 42)) {
            System.out.printf(Locale.ROOT, "%-12s %8d %14.4f %18.4f%n", t.operation(), t.threads(), t.msPerSample(),
                    t.cpuMsPerSample());
        }
    }

    private static Timing time(String operation, int threads, int samples, Consumer<Engine> work, Engine engine) {
        for (int r = 0; r < WARMUP_RUNS; r++) {
            work.accept(engine);
        }
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int r = 0; r < TIMED_RUNS; r++) {
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            work.accept(engine);
            best = Math.min(best, System.nanoTime() - start);
            bestCpu = Math.min(bestCpu, processCpuNanos() - cpu);
        }
        return new Timing(operation, threads, best / 1e6 / samples, bestCpu / 1e6 / samples);
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** Uniform in ±1/√fan_in per tensor, the scale of PyTorch's default initialisation. */
    private static double[] pytorchLikeWeights(ParameterLayout layout, long seed) {
        Random random = new Random(seed);
        double[] theta = new double[layout.size()];
        for (ParameterLayout.Tensor t : layout.tensors()) {
            int[] shape = layout.tensor(t.layer() + ".weight").orElseThrow().shape();
            int fanIn = 1;
            for (int d = 1; d < shape.length; d++) {
                fanIn *= shape[d];
            }
            double bound = 1 / Math.sqrt(fanIn);
            for (int j = t.offset(); j < t.offset() + t.size(); j++) {
                theta[j] = bound * (2 * random.nextDouble() - 1);
            }
        }
        return theta;
    }

    /** Standard normal inputs and uniform labels, from {@code seed}. */
    public static InMemorySamples randomSamples(ArchitectureSpec spec, int n, long seed) {
        Random random = new Random(seed);
        int size = spec.input().map().size();
        double[][] inputs = new double[n][size];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < size; j++) {
                inputs[i][j] = random.nextGaussian();
            }
            labels[i] = random.nextInt(spec.classes());
        }
        return new InMemorySamples(spec.input(), spec.classes(), inputs, labels);
    }
}
