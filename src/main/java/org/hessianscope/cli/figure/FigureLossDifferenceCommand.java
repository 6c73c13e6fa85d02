package org.hessianscope.cli.figure;

import org.hessianscope.cli.common.OrderingOptions;
import org.hessianscope.cli.common.RunLosses;
import org.hessianscope.figure.LabelledLossDifference;
import org.hessianscope.figure.LossDifferenceFigure;
import org.hessianscope.figure.LossDifferenceLayers;
import org.hessianscope.figure.LossDifferenceNormalise;
import org.hessianscope.landscape.LossDifference;
import org.hessianscope.landscape.LossDifferenceOptions;
import org.hessianscope.landscape.LossDifferenceResult;
import org.hessianscope.task.ProgressMonitor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "loss-difference", aliases = "lossdiff", mixinStandardHelpOptions = true,
        description = "Loss difference |L_{k+1} − L_k| of one or more runs on one set of orderings, as a figure.")
public final class FigureLossDifferenceCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--losses", paramLabel = "LOSSES_NPY", split = ",", required = true,
                description = "Per-sample losses of each run (1-D .npy), all of the same length.")
        List<Path> losses;

        @Option(names = "--run", paramLabel = "RUN_DIR", split = ",", required = true,
                description = "Run folders written by train (their losses.npy, or losses computed from the weights).")
        List<Path> runs;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--labels", paramLabel = "LABEL", split = ",",
            description = "Legend label of each run, in order (default: the file or folder names).")
    List<String> labels;

    @Mixin
    OrderingOptions ordering;

    @Option(names = "--k-min", defaultValue = "1", description = "First k drawn (default ${DEFAULT-VALUE}; the authors used 10000).")
    int kMin;

    @Option(names = "--authors", description = "Only the smoothed mean, as in the paper's figures (with --k-min 10000 for theirs).")
    boolean authors;

    @Option(names = "--normalise", paramLabel = "VIEW", defaultValue = "none",
            description = "none (as measured), k: (k+1)·|ΔL_k|, or rms: |ΔL_k| / √E[ΔL_k²] (default ${DEFAULT-VALUE}).")
    String normalise;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "With --run: folder holding the full dataset.")
    Path dataDir;

    @Mixin
    FigureOutput output;

    @Override
    public Integer call() throws IOException {
        output.validate();
        ordering.validated();
        LossDifferenceNormalise view;
        try {
            view = LossDifferenceNormalise.of(normalise);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage(), e);
        }
        List<Path> inputs = source.losses != null ? source.losses : source.runs;
        if (labels != null && labels.size() != inputs.size()) {
            throw new IllegalArgumentException("--labels has " + labels.size() + " label(s) but " + inputs.size()
                    + " run(s) were given; give one label per run");
        }
        List<double[]> losses = new ArrayList<>();
        for (Path p : inputs) {
            double[] l = source.losses != null ? RunLosses.read(p) : RunLosses.of(p, dataDir, new StringBuilder());
            if (!losses.isEmpty() && l.length != losses.get(0).length) {
                throw new IllegalArgumentException(p + " holds " + l.length + " losses but " + inputs.get(0) + " holds "
                        + losses.get(0).length + "; runs compared on one set of orderings need the same samples");
            }
            losses.add(l);
        }
        LossDifferenceOptions options = LossDifferenceOptions.defaults().withOrderings(ordering.orderings).withSeed(ordering.seed);
        List<LossDifferenceResult> results = LossDifference.compare(losses, options, ProgressMonitor.NONE);
        List<LabelledLossDifference> runs = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            runs.add(new LabelledLossDifference(label(i, inputs.get(i)), results.get(i), i));
        }
        LossDifferenceLayers layers = (authors ? LossDifferenceLayers.authors() : LossDifferenceLayers.all())
                .withSmoothed(authors ? LossDifferenceLayers.SmoothedCurve.AUTHORS : LossDifferenceLayers.all().smoothed(), ordering.alpha)
                .withKMin(kMin).withNormalise(view);
        output.write(LossDifferenceFigure.chart(runs, layers, output.style()));
        return 0;
    }

    private String label(int i, Path input) {
        if (labels != null) {
            return labels.get(i);
        }
        String name = input.getFileName() == null ? input.toString() : input.getFileName().toString();
        return name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
    }
}
