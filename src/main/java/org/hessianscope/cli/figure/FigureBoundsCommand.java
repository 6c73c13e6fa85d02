package org.hessianscope.cli.figure;

import org.hessianscope.cli.common.DatasetOptions;
import org.hessianscope.cli.common.ModelSource;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.bounds.BoundConventions;
import org.hessianscope.bounds.BoundHierarchy;
import org.hessianscope.curvature.PerSampleGgn;
import org.hessianscope.data.Dataset;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.experiment.NetworkStatistics;
import org.hessianscope.experiment.SeedInterval;
import org.hessianscope.experiment.SweepSummary;
import org.hessianscope.figure.BoundFigure;
import org.hessianscope.figure.BoundLevels;
import org.hessianscope.figure.SweepFigures;
import org.hessianscope.run.RunFolder;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.curvature.Curvature;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;

@Command(name = "bounds", mixinStandardHelpOptions = true,
        description = "log10 of the paper's bound, Lemma 2 with true norms and the measured max ‖H_O,i‖ across runs, "
                + "or across a finished sweep's networks (over seeds: mean and 95 %% interval).")
public final class FigureBoundsCommand implements Callable<Integer> {

    /** The swept quantity on the x axis, read from each run's bound conventions. */
    enum Axis {
        LAYERS("L (num of layers)", BoundConventions::layers),
        KERNEL("k (kernel size)", BoundConventions::kernel),
        CHANNELS("C (channels)", BoundConventions::channels),
        POOL("pool position", BoundConventions::poolAt);

        final String label;
        final ToIntFunction<BoundConventions> value;

        Axis(String label, ToIntFunction<BoundConventions> value) {
            this.label = label;
            this.value = value;
        }
    }

    static final class Source {
        @Option(names = "--run", paramLabel = "R1[,R2...]", split = ",", required = true,
                description = "Run folders written by train (spec.json and weights.npz), e.g. an L sweep.")
        List<Path> runs;

        @Option(names = "--sweep", paramLabel = "RESULTS_DIR", required = true,
                description = "A finished sweep's results folder (its summary.json): with several seeds, per network "
                        + "the mean and 95 %% interval the summary prints, each seed faint.")
        Path sweep;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Mixin
    DatasetOptions data;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "" + Curvature.DEFAULT_SAMPLES,
            description = "Measure ‖H_O,i‖ and ‖x‖² on the first N training samples (default ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--x", defaultValue = "LAYERS",
            description = "Swept quantity on the x axis: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Axis x;

    @Mixin
    FigureOutput output;

    @Override
    public Integer call() throws Exception {
        output.validate();
        if (source.sweep != null) {
            return sweep(source.sweep);
        }
        List<Path> runs = source.runs;
        Dataset train = data.train();
        if (samples < 1 || samples > train.size()) {
            throw new IllegalArgumentException("--samples " + samples + " is outside 1.." + train.size() + ": "
                    + train.describe() + " has " + train.size() + " training records");
        }
        Dataset used = train.first(samples);
        List<BoundLevels> levels = new ArrayList<>();
        try (Engine engine = Engine.create()) {
            for (Path run : runs) {
                ArchitectureSpec spec = RunFolder.readSpec(run);
                double[] theta = RunFolder.readWeights(run, spec);
                ModelSource.checkFits(spec, used, used.describe());
                PerSampleGgn.Result measured = PerSampleGgn.compute(engine, new Model(Network.of(spec), theta), used,
                        ProgressMonitor.NONE);
                BoundHierarchy h = BoundHierarchy.of(spec, theta, used, measured.ggnNormWeightsOnly(), ProgressMonitor.NONE);
                BoundLevels b = BoundLevels.of(x.value.applyAsInt(h.conventions()), h);
                System.out.printf("%s: %s = %.0f, log10 %s %.2f, Lemma 2 %.2f, measured %.2f%n", run, x.label, b.x(),
                        h.paper().name(), b.paperLog10(), b.lemma2Log10(), b.measuredLog10());
                levels.add(b);
            }
        }
        output.write(BoundFigure.chart(levels, x.label, output.style().withLogX(false)));
        return 0;
    }

    /** Chart 3 of a finished sweep from the numbers its summary.json prints; nothing is recomputed. */
    private int sweep(Path dir) throws java.io.IOException {
        SweepSummary s = SweepSummary.read(dir);
        String xLabel = SweepFigures.plain(s.legendTitle());
        if (s.seeded()) {
            for (NetworkStatistics n : s.networks()) {
                System.out.printf(java.util.Locale.ROOT, "%s = %s over %d seeds: log10 paper's bound %s, Lemma 2 %s, "
                                + "measured %s (mean [95 %% interval])%n", s.parameter(), n.value(), n.seeds(),
                        interval(n.metric("paperBoundLog10")), interval(n.metric("lemma2BoundLog10")),
                        interval(n.metric("measuredLog10")));
            }
        }
        output.write(SweepFigures.bounds(s.seeded() ? s.networks() : null, s.rows(), xLabel,
                output.style().withLogX(false)));
        return 0;
    }

    private static String interval(SeedInterval i) {
        return String.format(java.util.Locale.ROOT, "%.2f [%.2f, %.2f]", i.mean(), i.low(), i.high());
    }
}
