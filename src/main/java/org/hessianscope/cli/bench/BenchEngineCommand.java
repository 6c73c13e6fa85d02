package org.hessianscope.cli.bench;

import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.EngineBenchmark;
import org.hessianscope.engine.Network;
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

    @Override
    public Integer call() {
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
        for (int t : counts) {
            try (Engine engine = new Engine(t)) {
                Trainer trainer = new Trainer(BatchObjective.of(engine, network));
                TrainingOptions options = TrainingOptions.paper(1, seed);
                trainer.train(init, data, options, p -> { }, ProgressMonitor.NONE); // warm-up epoch for the JIT
                long start = System.nanoTime();
                trainer.train(init, data, options, p -> { }, ProgressMonitor.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                out.printf(Locale.ROOT, "training (Adam, batch 64, double): %d threads, %.0f samples/s%n", t, samples / seconds);
            }
        }
        return 0;
    }
}
