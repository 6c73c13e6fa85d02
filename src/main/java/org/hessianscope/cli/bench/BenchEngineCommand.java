package org.hessianscope.cli.bench;

import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.EngineBenchmark;
import org.hessianscope.engine.Float32Profile;
import org.hessianscope.engine.Network;
import org.hessianscope.engine.Precision;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.train.BatchObjective;
import org.hessianscope.train.PyTorchInit;
import org.hessianscope.train.Trainer;
import org.hessianscope.train.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Times the engine on the paper's MNIST net (L = 4, C = 6, k = 3): milliseconds per sample for
 * forward, gradient, hvp and ggnProduct, and training throughput (Adam, batch 64), per thread count.
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Time forward, gradient, hvp and ggnProduct per sample and training samples per second on the paper's MNIST net (L=4, C=6, k=3).")
public final class BenchEngineCommand implements Callable<Integer> {

    @Option(names = "--samples", defaultValue = "1024", description = "Random samples per timed pass (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--threads", split = ",", defaultValue = "1,2", description = "Thread counts to time (default ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the random weights and inputs (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--float32-profile", description = "Instead of the timings: thread CPU time per sample of each "
            + "layer's float32 forward and backward pass on one thread, for L=4 C=6 and L=5 C=42 (k=3), batches of 64.")
    boolean float32Profile;

    @Override
    public Integer call() {
        if (float32Profile) {
            printFloat32Profile(System.out);
            return 0;
        }
        if (samples < 64) {
            throw new IllegalArgumentException("--samples " + samples + " is too few to time; give at least 64");
        }
        int[] counts = threads.stream().mapToInt(Integer::intValue).toArray();
        for (int t : counts) {
            if (t < 1) {
                throw new IllegalArgumentException("--threads lists " + t + "; thread counts must be ≥ 1");
            }
        }
        PrintStream out = System.out;
        Network network = Network.of(EngineBenchmark.paperNet());
        out.printf(Locale.ROOT, "paper MNIST net L=4 C=6 k=3: P=%d, %d random samples, %d cores, %s%n",
                network.parameterCount(), samples, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name")
                        + " " + System.getProperty("java.version"));
        out.printf(Locale.ROOT, "%-12s %8s %12s %16s%n", "operation", "threads", "ms/sample", "cpu ms/sample");
        for (EngineBenchmark.Timing t : EngineBenchmark.run(samples, counts, seed)) {
            out.printf(Locale.ROOT, "%-12s %8d %12.4f %16.4f%n", t.operation(), t.threads(), t.msPerSample(), t.cpuMsPerSample());
        }
        Samples data = EngineBenchmark.randomSamples(EngineBenchmark.paperNet(), samples, seed + 1);
        double[] init = PyTorchInit.initialise(EngineBenchmark.paperNet(), seed);
        for (Precision precision : Precision.values()) {
            for (int t : counts) {
                try (Engine engine = new Engine(t)) {
                    Trainer trainer = new Trainer(BatchObjective.of(engine, network, precision));
                    TrainingOptions options = TrainingOptions.paper(1, seed).withPrecision(precision);
                    trainer.train(init, data, options, p -> { }, ProgressMonitor.NONE); // warm-up epoch for the JIT
                    long start = System.nanoTime();
                    trainer.train(init, data, options, p -> { }, ProgressMonitor.NONE);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    out.printf(Locale.ROOT, "training (Adam, batch 64, %s): %d threads, %.0f samples/s%n", precision, t,
                            samples / seconds);
                }
            }
        }
        return 0;
    }

    private static void printFloat32Profile(PrintStream out) {
        int[][] nets = {{4, 6, 20}, {5, 42, 2}};
        for (int[] net : nets) {
            Float32Profile.Result r = Float32Profile.run(Float32Profile.mnistNet(net[0], net[1], 3), 64, net[2], 7);
            out.printf(Locale.ROOT, "float32 L=%d C=%d k=3, 64 random samples, thread CPU µs/sample:%n", net[0], net[1]);
            double total = 0;
            for (Float32Profile.LayerTime t : r.layers()) {
                out.printf(Locale.ROOT, "  %-26s forward %9.1f  backward %9.1f%n", t.layer(), t.forwardNs() / 1e3,
                        t.backwardNs() / 1e3);
                total += t.forwardNs() + t.backwardNs();
            }
            out.printf(Locale.ROOT, "  layers %.3f ms/sample; lossAndGradient %.3f cpu ms/sample%n", total / 1e6,
                    r.cpuMsPerSample());
        }
    }
}
