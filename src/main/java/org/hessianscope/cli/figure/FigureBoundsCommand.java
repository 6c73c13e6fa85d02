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
import org.hessianscope.figure.BoundFigure;
import org.hessianscope.figure.BoundLevels;
import org.hessianscope.run.RunFolder;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.curvature.Curvature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;

@Command(name = "bounds", mixinStandardHelpOptions = true,
        description = "log10 of the paper's bound, Lemma 2 with true norms and the measured max ‖H_O,i‖ across runs.")
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

    @Option(names = "--run", paramLabel = "R1[,R2...]", split = ",", required = true,
            description = "Run folders written by train (spec.json and weights.npz), e.g. an L sweep.")
    List<Path> runs;

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
}
