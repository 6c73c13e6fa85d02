package org.hessianscope.cli.bench;

import org.hessianscope.cli.model.TrainCommand;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.arch.SpecJson;
import org.hessianscope.curvature.Lanczos;
import org.hessianscope.curvature.LanczosOptions;
import org.hessianscope.curvature.LanczosResult;
import org.hessianscope.curvature.PerSampleGgn;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.Dataset;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.DatasetName;
import org.hessianscope.data.Samples;
import org.hessianscope.data.Split;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.EngineBenchmark;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.engine.Precision;
import org.hessianscope.io.Npy;
import org.hessianscope.io.NpyArray;
import org.hessianscope.io.WeightsFile;
import org.hessianscope.landscape.LossDifference;
import org.hessianscope.landscape.LossDifferenceOptions;
import org.hessianscope.landscape.LossDifferenceResult;
import org.hessianscope.surface.Direction;
import org.hessianscope.surface.DirectionKinds;
import org.hessianscope.surface.DirectionsInput;
import org.hessianscope.surface.Surface;
import org.hessianscope.surface.SurfaceAxis;
import org.hessianscope.surface.SurfaceOptions;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.train.BatchObjective;
import org.hessianscope.train.PyTorchInit;
import org.hessianscope.train.Seeds;
import org.hessianscope.train.Trainer;
import org.hessianscope.train.TrainingOptions;
import org.hessianscope.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * One workload of {@code benchmarks/compare}, the same work as its PyTorch twin in
 * {@code benchmarks/pytorch/}: untimed loading and a small warm-up (for the JIT), then the
 * timed workload once. Prints {@code time_s=… peak_rss_kb=…} and writes the numbers that the
 * driver compares with PyTorch's to {@code --out} (.npy). {@code prepare} writes the shared
 * inputs of every workload (spec, weights, directions, losses and orderings) into {@code --dir}.
 */
@Command(name = "workload", mixinStandardHelpOptions = true,
        description = "One workload of benchmarks/compare (prepare, train, losses, hvp, lanczos, ggnnorm, lossdiff, surface), "
                + "timed once after a warm-up; prints time_s and peak_rss_kb.")
public final class BenchWorkloadCommand implements Callable<Integer> {
    static final int HVP_SAMPLES = 1000;
    static final int LANCZOS_STEPS = 40;
    static final int LANCZOS_TOP = 5;
    static final int GGN_SAMPLES = 10_000;
    static final int LOSSDIFF_N = 60_000;
    static final int ORDERINGS = 500;
    /** The surface row: a 25 × 25 plane over [−1, 1]² on the first 1,000 samples, the size. */
    static final int SURFACE_GRID = 25;
    static final int SURFACE_SAMPLES = 1000;
    static final double SURFACE_RANGE = 1.0;

    @Parameters(index = "0", paramLabel = "NAME", description = "prepare, train, losses, hvp, lanczos, ggnnorm, lossdiff or surface.")
    String name;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Folder of the shared inputs written by prepare.")
    Path dir;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder holding full MNIST (default: the usual search order).")
    Path dataDir;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "OUT.npy", description = "Where to write the numbers to compare.")
    Path out;

    @Option(names = "--train-samples", defaultValue = "6400", description = "Samples in the timed training epoch (default ${DEFAULT-VALUE}).")
    int trainSamples;

    @Option(names = "--samples", paramLabel = "N",
            description = "Samples of losses (default 60000), hvp, lanczos and surface (1000) or ggnnorm (10000): the first N of MNIST train.")
    Integer samples;

    @Option(names = "--precision", defaultValue = "float32", converter = TrainCommand.PrecisionConverter.class,
            description = "Precision of the train workload (default ${DEFAULT-VALUE}, as PyTorch's twin).")
    Precision precision;

    @Option(names = "--net", defaultValue = "paper", paramLabel = "paper|wide",
            description = "Network that prepare writes: paper (L=4, C=6, k=3, the default) or wide (L=5, C=42, k=3, "
                    + "the paper's widest MNIST net).")
    String net;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of weights, directions, losses and orderings (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        if ("prepare".equals(name)) {
            prepare();
            return 0;
        }
        if (out == null) {
            throw new IllegalArgumentException("workload " + name + " needs --out OUT.npy for the numbers to compare");
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        double[] result;
        long[] nanos = new long[1];
        if ("lossdiff".equals(name)) {
            result = lossDifference(t, nanos);
        } else {
            ArchitectureSpec spec = SpecJson.read(dir.resolve("spec.json"));
            Model model = new Model(Network.of(spec), WeightsFile.read(dir.resolve("weights.npz"), spec));
            Dataset train = new DatasetCatalog(DataLocations.ofSystem(dataDir)).load(DatasetName.MNIST, Split.TRAIN);
            try (Engine engine = new Engine(t)) {
                result = switch (name) {
                    case "train" -> train(engine, model, train, nanos);
                    case "losses" -> losses(engine, model, train.first(samplesOr(train.size())), nanos);
                    case "hvp" -> hvp(engine, model, train.first(samplesOr(HVP_SAMPLES)), nanos);
                    case "lanczos" -> lanczos(engine, model, train.first(samplesOr(HVP_SAMPLES)), nanos);
                    case "ggnnorm" -> ggnNorms(engine, model, train.first(300), train.first(samplesOr(GGN_SAMPLES)), nanos);
                    case "surface" -> surface(engine, model, train.first(samplesOr(SURFACE_SAMPLES)), nanos);
                    default -> throw new IllegalArgumentException("unknown workload " + name
                            + "; valid: prepare, train, losses, hvp, lanczos, ggnnorm, lossdiff, surface");
                };
            }
        }
        Npy.write(NpyArray.of(new int[] {result.length}, result), out);
        System.out.printf(Locale.ROOT, "workload=%s side=hessianscope threads=%d time_s=%.6f peak_rss_kb=%d%n",
                name, t, nanos[0] / 1e9, peakRssKb());
        return 0;
    }

    private int samplesOr(int standard) {
        if (samples != null && samples < 1) {
            throw new IllegalArgumentException("--samples " + samples + " must be at least 1");
        }
        return samples == null ? standard : samples;
    }

    private void prepare() throws IOException {
        Files.createDirectories(dir);
        ArchitectureSpec spec = switch (net) {
            case "paper" -> EngineBenchmark.paperNet();
            case "wide" -> ArchitectureSpec.paper(InputShape.MNIST, 5, 42, 3, null, 10);
            default -> throw new IllegalArgumentException("--net " + net + " is not a network of prepare; valid: paper, wide");
        };
        SpecJson.write(spec, dir.resolve("spec.json"));
        int p = spec.parameterCount();
        WeightsFile.write(dir.resolve("weights.npz"), spec, PyTorchInit.initialise(spec, seed));
        Npy.write(NpyArray.of(new int[] {p}, Lanczos.startVector(p, seed + 1)), dir.resolve("v.npy"));
        Npy.write(NpyArray.of(new int[] {p}, Lanczos.startVector(p, seed)), dir.resolve("start.npy"));
        Npy.write(NpyArray.of(new int[] {LOSSDIFF_N}, BenchOrderings.exponentialLosses(LOSSDIFF_N, seed)),
                dir.resolve("lossdiff-losses.npy"));
        BenchOrderings.write(dir.resolve("orderings.npy"), seed, ORDERINGS, LOSSDIFF_N);
        // The surface row's plane: the GUI's default kind, filter-normalised random directions, as rows of one file.
        Model model = new Model(Network.of(spec), WeightsFile.read(dir.resolve("weights.npz"), spec));
        SurfaceOptions d = SurfaceOptions.defaults(SurfaceOptions.DEFAULT_DIRECTIONS);
        SurfaceOptions plane = new SurfaceOptions(d.directions(), 2, d.grid(), d.range(), d.samples(), d.k(), d.operator(),
                d.lanczosSteps(), seed, false);
        List<Direction> directions = DirectionKinds.byKey(plane.directions())
                .directions(new DirectionsInput(null, model, null, null, null, plane), 2, ProgressMonitor.NONE);
        double[] both = new double[2 * p];
        System.arraycopy(directions.get(0).vector(), 0, both, 0, p);
        System.arraycopy(directions.get(1).vector(), 0, both, p, p);
        Npy.write(NpyArray.of(new int[] {2, p}, both), dir.resolve("surface-directions.npy"));
        // The Trainer's first-epoch shuffle, so that PyTorch trains on the same batches.
        int[] order = Seeds.permutation(trainSamples, Seeds.shuffles(seed));
        BenchOrderings.writeInt32(dir.resolve("train-order.npy"), 1, trainSamples,
                (r, row) -> System.arraycopy(order, 0, row, 0, trainSamples));
        System.out.println("prepared " + dir + ": spec.json, weights.npz (P=" + p + "), v.npy, start.npy, "
                + "lossdiff-losses.npy, orderings.npy, train-order.npy, surface-directions.npy");
    }

    /** One epoch of Adam (lr 1e-3, batch 64) in --precision over the first --train-samples; returns the epoch's mean loss. */
    private double[] train(Engine engine, Model model, Dataset data, long[] nanos) {
        Trainer trainer = new Trainer(BatchObjective.of(engine, model.network(), precision));
        TrainingOptions options = TrainingOptions.paper(1, seed).withPrecision(precision);
        trainer.train(model.theta(), data.first(640), options, p -> { }, ProgressMonitor.NONE);
        Samples timed = data.first(trainSamples);
        long start = System.nanoTime();
        TrainingResult r = trainer.train(model.theta(), timed, options, p -> { }, ProgressMonitor.NONE);
        nanos[0] = System.nanoTime() - start;
        double samplesPerSecond = trainSamples / (nanos[0] / 1e9);
        return new double[] {r.history().get(r.history().size() - 1).runningLoss(), samplesPerSecond};
    }

    private static double[] losses(Engine engine, Model model, Dataset data, long[] nanos) {
        engine.perSampleLosses(model, data.first(Math.min(4000, data.size())), ProgressMonitor.NONE);
        long start = System.nanoTime();
        double[] losses = engine.perSampleLosses(model, data, ProgressMonitor.NONE);
        nanos[0] = System.nanoTime() - start;
        return losses;
    }

    private double[] hvp(Engine engine, Model model, Samples data, long[] nanos) throws IOException {
        double[] v = Npy.read(dir.resolve("v.npy")).data();
        engine.hvp(model, data, v);
        long start = System.nanoTime();
        double[] hv = engine.hvp(model, data, v);
        nanos[0] = System.nanoTime() - start;
        return hv;
    }

    /** Top 5 of H by 40 Lanczos steps; the tolerance is tiny so that every step is taken, as in the PyTorch twin. */
    private double[] lanczos(Engine engine, Model model, Samples data, long[] nanos) {
        LanczosOptions options = new LanczosOptions(LANCZOS_STEPS, LANCZOS_TOP, 0, 1e-300, seed, false);
        Lanczos.run(engine.hessianOperator(model, data), options.withSteps(10)); // warms the JIT up
        long start = System.nanoTime();
        LanczosResult r = Lanczos.run(engine.hessianOperator(model, data), options);
        nanos[0] = System.nanoTime() - start;
        return r.top();
    }

    /** ‖H_O,i‖ with all parameters, then with weights only, for every sample. */
    private static double[] ggnNorms(Engine engine, Model model, Samples warmUp, Samples data, long[] nanos) {
        PerSampleGgn.compute(engine, model, warmUp, ProgressMonitor.NONE);
        long start = System.nanoTime();
        PerSampleGgn.Result r = PerSampleGgn.compute(engine, model, data, ProgressMonitor.NONE);
        nanos[0] = System.nanoTime() - start;
        double[] both = new double[2 * data.size()];
        System.arraycopy(r.ggnNorm(), 0, both, 0, data.size());
        System.arraycopy(r.ggnNormWeightsOnly(), 0, both, data.size(), data.size());
        return both;
    }

    /**
     * L_N then the accuracy at the 25 × 25 points θ̂ + α v₁ + β v₂ (row-major, α the row) of the prepared plane over
     * {@code data}: the grid of {@code surface}, without its directions and quadratic model.
     */
    private double[] surface(Engine engine, Model model, Samples data, long[] nanos) throws IOException {
        double[] both = Npy.read(dir.resolve("surface-directions.npy")).data();
        int p = model.parameterCount();
        double[] coordinates = Surface.coordinates(SURFACE_GRID, SURFACE_RANGE);
        List<SurfaceAxis> axes = List.of(
                new SurfaceAxis("v1", coordinates, Arrays.copyOfRange(both, 0, p), Double.NaN),
                new SurfaceAxis("v2", coordinates, Arrays.copyOfRange(both, p, 2 * p), Double.NaN));
        int[] k = {data.size()};
        double[] small = Surface.coordinates(3, SURFACE_RANGE);
        Surface.grid(engine, model, data.first(Math.min(200, data.size())), new int[] {Math.min(200, data.size())},
                List.of(new SurfaceAxis("v1", small, axes.get(0).vector(), Double.NaN),
                        new SurfaceAxis("v2", small, axes.get(1).vector(), Double.NaN)), ProgressMonitor.NONE);
        long start = System.nanoTime();
        Surface.Grid grid = Surface.grid(engine, model, data, k, axes, ProgressMonitor.NONE);
        nanos[0] = System.nanoTime() - start;
        int cells = SURFACE_GRID * SURFACE_GRID;
        double[] out = new double[2 * cells];
        for (int i = 0; i < SURFACE_GRID; i++) {
            for (int j = 0; j < SURFACE_GRID; j++) {
                out[i * SURFACE_GRID + j] = grid.loss()[0][i][j];
                out[cells + i * SURFACE_GRID + j] = grid.accuracy()[0][i][j];
            }
        }
        return out;
    }

    /** Mean |ΔL_k| then mean ΔL_k² over the 500 orderings, k = 1..N−1. */
    private double[] lossDifference(int t, long[] nanos) throws IOException {
        double[] losses = Npy.read(dir.resolve("lossdiff-losses.npy")).data();
        LossDifferenceOptions options = LossDifferenceOptions.defaults().withOrderings(ORDERINGS).withSeed(seed).withThreads(t);
        LossDifference.analyze(losses, options.withOrderings(50));
        long start = System.nanoTime();
        LossDifferenceResult r = LossDifference.analyze(losses, options);
        nanos[0] = System.nanoTime() - start;
        int m = r.meanAbs().length;
        double[] both = new double[2 * m];
        System.arraycopy(r.meanAbs(), 0, both, 0, m);
        System.arraycopy(r.meanSq(), 0, both, m, m);
        return both;
    }

    /** Peak resident set size of this process (VmHWM), 0 where /proc is missing. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
