import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.analysis.LessonAnalysis;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.ConvLayerSpec;
import org.hessianscope.arch.HeadSpec;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.Dataset;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.DatasetName;
import org.hessianscope.data.Split;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Network;
import org.hessianscope.engine.Precision;
import org.hessianscope.run.RunInfo;
import org.hessianscope.run.TrainedRun;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.train.BatchObjective;
import org.hessianscope.train.PyTorchInit;
import org.hessianscope.train.Trainer;
import org.hessianscope.train.TrainingListener;
import org.hessianscope.train.TrainingOptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Wall time of one lesson checkpoint analysis ({@link LessonAnalysis}: all default analyses at the lesson's small
 * settings) on the builder's default network (L=2, k=3, C=6, no pool, linear head) and its default training set
 * (the first 1000 MNIST records), at the initial weights and after one epoch, on an engine of all cores; prints
 * each run and the median of RUNS after one untimed warm-up. The window runs exactly this at every checkpoint.
 *
 * java -cp target/classes:$(cat cp.txt) --add-modules jdk.incubator.vector benchmarks/lesson/CheckpointAnalysis.java [LAYERS CHANNELS SIZE RUNS [SAMPLES STEPS]]
 */
public class CheckpointAnalysis {
    public static void main(String[] args) throws Exception {
        int layers = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int channels = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        // Optional: other curvature subsets and Lanczos steps, to see what the lesson's choice costs against them.
        int samples = args.length > 4 ? Integer.parseInt(args[4]) : -1;
        int steps = args.length > 5 ? Integer.parseInt(args[5]) : -1;
        List<ConvLayerSpec> conv = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            conv.add(new ConvLayerSpec(channels, 3));
        }
        ArchitectureSpec spec = new ArchitectureSpec(DatasetName.MNIST.inputShape(), conv, false, null, HeadSpec.LINEAR,
                DatasetName.MNIST.classes());
        Dataset train = new DatasetCatalog(DataLocations.ofSystem(null)).load(DatasetName.MNIST, Split.TRAIN).first(size);
        TrainingOptions options = TrainingOptions.paper(1, 0).withPrecision(Precision.FLOAT32);
        int threads = Runtime.getRuntime().availableProcessors();
        try (Engine engine = new Engine(threads)) {
            double[] init = PyTorchInit.initialise(spec, 0);
            options.precision().round(init);
            double[] trained = new Trainer(BatchObjective.of(engine, Network.of(spec), options.precision()))
                    .train(init, train, options, TrainingListener.NONE, ProgressMonitor.NONE).weights();
            LessonAnalysis lesson = new LessonAnalysis(engine, threads);
            AnalysisOptions o = samples < 0 ? lesson.options() : lesson.options().withCurvature(samples, steps, 0);
            System.out.printf(Locale.ROOT, "%s, %d parameters, %d records, %d threads; orderings %d, curvature %d samples, "
                            + "%d Lanczos steps, %d full per-sample%n", spec.stages().size() + " stages", spec.parameterCount(),
                    size, threads, o.orderings(), o.curvatureSamples(), o.lanczosSteps(), o.perSampleFull());
            for (String which : new String[] {"initial", "after 1 epoch"}) {
                double[] w = which.equals("initial") ? init : trained;
                TrainedRun run = new TrainedRun(spec, init, w, List.of(), info(options, size));
                phases(engine, o, run, train); // warm-up, and where the time goes
                List<Double> ms = new ArrayList<>();
                long cpu0 = cpuNanos();
                for (int r = 0; r < runs; r++) {
                    long t0 = System.nanoTime();
                    if (samples < 0) {
                        lesson.analyze(run, train, ProgressMonitor.NONE);
                    } else {
                        new org.hessianscope.analysis.RunAnalysis(engine).analyze(run, train, o, step -> ProgressMonitor.NONE);
                    }
                    ms.add((System.nanoTime() - t0) / 1e6);
                }
                double cpuMs = (cpuNanos() - cpu0) / 1e6 / runs;
                List<Double> sorted = new ArrayList<>(ms);
                Collections.sort(sorted);
                System.out.printf(Locale.ROOT, "%s weights: wall %s ms; median %.0f ms; CPU of all threads %.0f ms per analysis%n",
                        which, ms.stream().map(m -> String.format(Locale.ROOT, "%.0f", m)).toList(), sorted.get(runs / 2),
                        cpuMs);
            }
        }
    }

    /** CPU time of the whole JVM (all threads, the engine's workers included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Wall milliseconds of each analysis step of one lesson analysis. */
    private static void phases(Engine engine, AnalysisOptions o, TrainedRun run, Dataset train) {
        java.util.Map<String, Long> started = new java.util.LinkedHashMap<>();
        long t0 = System.nanoTime();
        new org.hessianscope.analysis.RunAnalysis(engine).analyze(run, train, o, step -> {
            started.put(step.label(), System.nanoTime());
            return ProgressMonitor.NONE;
        });
        long end = System.nanoTime();
        List<String> names = new ArrayList<>(started.keySet());
        StringBuilder b = new StringBuilder("  steps:");
        for (int i = 0; i < names.size(); i++) {
            long to = i + 1 < names.size() ? started.get(names.get(i + 1)) : end;
            b.append(String.format(Locale.ROOT, " %s %.0f ms;", names.get(i), (to - started.get(names.get(i))) / 1e6));
        }
        System.out.println(b + String.format(Locale.ROOT, " total %.0f ms", (end - t0) / 1e6));
    }

    private static RunInfo info(TrainingOptions options, int size) {
        return new RunInfo("completed", "", options.seed(), options, new RunInfo.DataUsed("mnist", size, 0, "embedded"),
                "", "", null, null, RunInfo.Versions.current(), null);
    }
}
