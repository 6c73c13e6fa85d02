package org.hessianscope.cli.bench;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.curvature.Lanczos;
import org.hessianscope.curvature.LanczosOptions;
import org.hessianscope.curvature.LanczosResult;
import org.hessianscope.data.InMemorySamples;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.curvature.Curvature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * Times one Hessian-vector product over 1,000 samples and a top-5 Lanczos of 40 steps on the
 * paper's MNIST net (L = 4, C = 6, k = 3, P = 25,060) with 1 and 2 threads. Inputs, labels and
 * weights are seeded noise: the cost of an HVP does not depend on their values.
 */
@Command(name = "hessian", mixinStandardHelpOptions = true,
        description = "Time one HVP over N samples and a top-5, 40-step Lanczos on the paper's MNIST net (L=4, C=6, k=3).")
public final class BenchHessianCommand implements Callable<Integer> {

    @Option(names = "--samples", defaultValue = "" + Curvature.DEFAULT_SAMPLES, description = "Samples in the mean loss (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--threads", split = ",", defaultValue = "1,2", description = "Thread counts to time (default ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--steps", defaultValue = "40", description = "Lanczos steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the synthetic data and weights (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        run(System.out, samples, threads, steps, seed);
        return 0;
    }

    static void run(PrintStream out, int samples, List<Integer> threadCounts, int steps, long seed) {
        if (samples < 1 || steps < 5) {
            throw new IllegalArgumentException("--samples must be ≥ 1 and --steps ≥ 5; got " + samples + " and " + steps);
        }
        ArchitectureSpec spec = ArchitectureSpec.paper(InputShape.MNIST, 4, 6, 3, null, 10);
        Network net = Network.of(spec);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] theta = new double[net.parameterCount()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = (rng.nextDouble() - 0.5) * 0.4;
        }
        Model model = new Model(net, theta);
        Samples data = syntheticMnist(samples, rng);
        double[] v = new double[theta.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextDouble() - 0.5;
        }
        out.printf("paper MNIST net L=4 C=6 k=3: %d parameters, %d samples, %d cores%n",
                theta.length, samples, Runtime.getRuntime().availableProcessors());
        // Tolerance at the smallest double so that Lanczos runs all its steps, as a timing needs.
        LanczosOptions lanczos = new LanczosOptions(steps, 5, 0, Double.MIN_VALUE, seed, false);
        for (int t : threadCounts) {
            if (t < 1) {
                throw new IllegalArgumentException("--threads lists " + t + "; thread counts must be ≥ 1");
            }
            try (Engine engine = new Engine(t)) {
                // Two untimed products let the JIT compile the hot loops first.
                engine.hvp(model, data, v);
                engine.hvp(model, data, v);
                long t0 = System.nanoTime();
                engine.hvp(model, data, v);
                double hvpSeconds = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                LanczosResult r = Lanczos.run(engine.hessianOperator(model, data), lanczos);
                double lanczosSeconds = (System.nanoTime() - t1) / 1e9;
                out.printf("threads %d: one HVP %.3f s; top-5 Lanczos, %d steps %.3f s (top eigenvalue %.6e)%n",
                        t, hvpSeconds, r.steps(), lanczosSeconds, r.top()[0]);
            }
        }
    }

    private static Samples syntheticMnist(int n, SplittableRandom rng) {
        double[][] x = new double[n][784];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 784; j++) {
                x[i][j] = rng.nextDouble() * 2 - 0.5;
            }
            y[i] = rng.nextInt(10);
        }
        return new InMemorySamples(InputShape.MNIST, 10, x, y);
    }
}
