import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.EngineBenchmark;
import org.hessianscope.engine.Network;
import org.hessianscope.engine.Precision;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.train.BatchObjective;
import org.hessianscope.train.PyTorchInit;
import org.hessianscope.train.Trainer;
import org.hessianscope.train.TrainingOptions;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * CPU milliseconds per training sample (Adam lr 1e-3, batch 64, float32, one epoch over random MNIST-shaped
 * inputs) on Engine(1), summed over all threads of this JVM (the engine's worker does the work), best of
 * --runs epochs after one warm-up epoch. Uses only public API present since float32 training exists, so the
 * same file runs against an older build: see benchmarks/float32/ab.
 *
 * java -cp CLASSES:DEPS TrainingCpu.java LAYERS CHANNELS SAMPLES RUNS
 */
public class TrainingCpu {
    public static void main(String[] args) {
        int layers = Integer.parseInt(args[0]);
        int channels = Integer.parseInt(args[1]);
        int samples = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        ArchitectureSpec spec = ArchitectureSpec.paper(InputShape.MNIST, layers, channels, 3, null, 10);
        Network network = Network.of(spec);
        Samples data = EngineBenchmark.randomSamples(spec, samples, 1);
        double[] init = PyTorchInit.initialise(spec, 0);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        try (Engine engine = new Engine(1)) {
            Trainer trainer = new Trainer(BatchObjective.of(engine, network, Precision.FLOAT32));
            TrainingOptions options = TrainingOptions.paper(1, 0).withPrecision(Precision.FLOAT32);
            for (int r = 0; r <= runs; r++) {
                long before = cpu(bean);
                trainer.train(init, data, options, p -> { }, ProgressMonitor.NONE);
                double ms = (cpu(bean) - before) / 1e6 / samples;
                if (r > 0) {
                    best = Math.min(best, ms);
                }
            }
        }
        System.out.printf(Locale.ROOT, "L=%d C=%d: %.4f cpu ms/sample%n", layers, channels, best);
    }

    private static long cpu(ThreadMXBean bean) {
        long sum = 0;
        for (long id : bean.getAllThreadIds()) {
            long t = bean.getThreadCpuTime(id);
            sum += Math.max(0, t);
        }
        return sum;
    }
}
