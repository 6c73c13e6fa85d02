package org.hessianscope.engine;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.data.Samples;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Where the float32 training pass spends its time, on one thread: nanoseconds per sample of each layer's
 * forward and backward pass (CPU time of the calling thread, read around each call), and the thread's CPU
 * time per sample of the whole {@link Engine#lossAndGradient(Model, Samples, Precision)} on one thread.
 * A benchmark, not a test: nothing is asserted. Run it through {@code hessianscope bench engine --float32-profile}.
 */
public final class Float32Profile {

    /** One layer's share: its name and the mean nanoseconds per sample of its forward and backward passes. */
    public record LayerTime(String layer, double forwardNs, double backwardNs) {
    }

    /** The per-layer times and the thread CPU milliseconds per sample of the whole gradient (best of the repetitions). */
    public record Result(List<LayerTime> layers, double cpuMsPerSample) {
    }

    private Float32Profile() {
    }

    /** The paper's MNIST net with {@code layers} convolutions of {@code channels} channels and kernel {@code kernel}. */
    public static ArchitectureSpec mnistNet(int layers, int channels, int kernel) {
        return ArchitectureSpec.paper(InputShape.MNIST, layers, channels, kernel, null, 10);
    }

    /** Profiles {@code repetitions} passes over {@code samples} random samples after {@code repetitions} warm-up passes. */
    public static Result run(ArchitectureSpec spec, int samples, int repetitions, long seed) {
        Network network = Network.of(spec);
        Random random = new Random(seed);
        double[] theta = new double[network.parameterCount()];
        for (int j = 0; j < theta.length; j++) {
            theta[j] = 0.1 * (2 * random.nextDouble() - 1);
        }
        Model model = new Model(network, theta);
        Samples data = EngineBenchmark.randomSamples(spec, samples, seed + 1);
        Layer[] source = network.layers();
        int stages = source.length;
        LayerF32[] layers = new LayerF32[stages];
        ScratchF32.Sizes sizes = new ScratchF32.Sizes();
        float[][] act = new float[stages + 1][];
        float[][] cot = new float[stages + 1][];
        for (int s = 0; s < stages; s++) {
            layers[s] = source[s].float32();
            layers[s].require(sizes);
            layers[s].load(theta);
        }
        for (int s = 0; s <= stages; s++) {
            int size = s == 0 ? source[0].inSize : source[s - 1].outSize;
            act[s] = new float[size];
            cot[s] = new float[size];
        }
        ScratchF32 scratch = new ScratchF32(sizes);
        double[] input = new double[source[0].inSize];
        double[] partial = new double[theta.length];
        long[] forward = new long[stages];
        long[] backward = new long[stages];
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        double bestCpu = Double.MAX_VALUE;
        try (Engine engine = new Engine(1)) {
            for (int rep = 0; rep < 2 * repetitions; rep++) {
                boolean timed = rep >= repetitions;
                for (int i = 0; i < samples; i++) {
                    data.copyInput(i, input, 0);
                    sample(layers, act, cot, input, scratch, bean, timed ? forward : null, timed ? backward : null);
                }
                for (LayerF32 layer : layers) {
                    layer.flush(partial);
                }
                if (timed) {
                    bestCpu = Math.min(bestCpu, workerCpu(engine, model, data, bean));
                }
            }
        }
        List<LayerTime> out = new ArrayList<>();
        double n = (double) samples * repetitions;
        for (int s = 0; s < stages; s++) {
            out.add(new LayerTime(s + ":" + layers[s].getClass().getSimpleName().replace("LayerF32", "")
                    + " " + source[s].inSize + "→" + source[s].outSize, forward[s] / n, backward[s] / n));
        }
        return new Result(out, bestCpu / 1e6 / samples);
    }

    /** One sample's forward and backward pass, adding each layer's thread CPU nanoseconds unless the arrays are null. */
    private static void sample(LayerF32[] layers, float[][] act, float[][] cot, double[] input, ScratchF32 scratch,
            ThreadMXBean bean, long[] forward, long[] backward) {
        int stages = layers.length;
        for (int j = 0; j < input.length; j++) {
            act[0][j] = (float) input[j];
        }
        for (int s = 0; s < stages; s++) {
            long t = bean.getCurrentThreadCpuTime();
            layers[s].forward(act[s], act[s + 1], scratch);
            if (forward != null) {
                forward[s] += bean.getCurrentThreadCpuTime() - t;
            }
        }
        float[] g = cot[stages];
        for (int j = 0; j < g.length; j++) {
            g[j] = act[stages][j] * 1e-2f;
        }
        for (int s = stages - 1; s >= 0; s--) {
            long t = bean.getCurrentThreadCpuTime();
            layers[s].backward(act[s], cot[s + 1], s > 0 ? cot[s] : null, scratch);
            if (backward != null) {
                backward[s] += bean.getCurrentThreadCpuTime() - t;
            }
        }
    }

    /** CPU nanoseconds that one {@code lossAndGradient} costs all threads of the process (the engine's one worker). */
    private static double workerCpu(Engine engine, Model model, Samples data, ThreadMXBean bean) {
        long before = allThreadsCpu(bean);
        engine.lossAndGradient(model, data, Precision.FLOAT32);
        return allThreadsCpu(bean) - before;
    }

    private static long allThreadsCpu(ThreadMXBean bean) {
        long sum = 0;
        for (long id : bean.getAllThreadIds()) {
            long t = bean.getThreadCpuTime(id);
            if (t > 0) {
                sum += t;
            }
        }
        return sum;
    }
}
