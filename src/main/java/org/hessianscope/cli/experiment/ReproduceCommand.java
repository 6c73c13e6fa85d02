package org.hessianscope.cli.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.DatasetLocation;
import org.hessianscope.data.DatasetName;
import org.hessianscope.data.SourceKind;
import org.hessianscope.experiment.PaperExperiments;
import org.hessianscope.experiment.PaperExperiments.Figure;
import org.hessianscope.experiment.SweepFile;
import org.hessianscope.experiment.SweepReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Reproduce the paper's figures from experiments/*.yaml: train and analyse each network "
                + "(reusing stored runs) and write FIGURE/lossdiff.{pdf,svg,png,csv} in the authors' style, "
                + "lossdiff-exact (the exact expectation curve), bounds (per model) and summary.{csv,json}.",
                "Figures: all, or one of: mnist-layers mnist-kernel mnist-channels fashion-mnist-layers "
                        + "fashion-mnist-kernel fashion-mnist-channels cifar10-layers cifar10-kernel cifar10-channels "
                        + "cifar10-maxpool cifar10-avgpool (and cifar10-maxpool-authors, cifar10-avgpool-authors). "
                        + "`--list` describes them."})
public final class ReproduceCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FIGURE", arity = "0..1", description = "A figure id, or all.")
    String figure;

    @Option(names = "--list", description = "List the figures and exit.")
    boolean list;

    @Option(names = "--authors-pooling",
            description = "For the pooling figures, build the networks as the authors' code does (0-based position, "
                    + "ReLU kept after the last conv) instead of as the paper states.")
    boolean authorsPooling;

    @Mixin
    SweepOptions options;

    @Override
    public Integer call() throws Exception {
        if (list || figure == null) {
            for (Figure f : PaperExperiments.FIGURES) {
                System.out.printf("%-24s %s%n", f.id(), f.description());
            }
            for (Figure f : PaperExperiments.AUTHORS_VARIANTS) {
                System.out.printf("%-24s %s%n", f.id(), f.description());
            }
            if (figure == null && !list) {
                System.out.println("give a figure id or all, e.g. `reproduce mnist-layers --train-size 6000 --epochs 1`");
                return 2;
            }
            return 0;
        }
        List<Figure> figures = new ArrayList<>();
        if (figure.equals("all")) {
            figures.addAll(PaperExperiments.FIGURES);
        } else {
            figures.add(PaperExperiments.find(figure).orElseThrow(() -> new IllegalArgumentException(
                    "\"" + figure + "\" is not a figure; valid: all, " + String.join(", ",
                            PaperExperiments.FIGURES.stream().map(Figure::id).toList())
                            + ", cifar10-maxpool-authors, cifar10-avgpool-authors (`reproduce --list`)")));
        }
        if (authorsPooling) {
            figures = figures.stream().map(f -> PaperExperiments.find(f.id() + "-authors")
                    .filter(a -> f.id().endsWith("pool")).orElse(f)).toList();
        }
        DatasetCatalog catalog = new DatasetCatalog(DataLocations.ofSystem(options.dataDir));
        int skipped = 0;
        int failed = 0;
        for (Figure f : figures) {
            Optional<DatasetLocation> where = catalog.locate(f.dataset());
            if (where.isEmpty()) {
                System.out.println("skipping " + f.id() + ": " + f.dataset().key() + " is not installed. "
                        + howToGet(f.dataset(), catalog));
                skipped++;
                continue;
            }
            if (where.get().source().kind() == SourceKind.EMBEDDED && options.trainSize == null) {
                System.out.println("note: " + f.id() + " uses the embedded subset of " + f.dataset().key()
                        + ", not the full training set the paper used; put the full files in " + catalog.locations().homeDatasets()
                        + " or give --data-dir (see `datasets`)");
            }
            SweepFile sweep = options.apply(PaperExperiments.sweep(f));
            // The same default as sweep: the user's sweeps folder, one results folder per figure.
            Path out = options.out == null ? SweepReport.defaultFolder(f.id()) : options.out.resolve(f.id());
            failed += SweepCommand.run(sweep, options, out).failed().size();
        }
        if (skipped > 0 && skipped == figures.size()) {
            return 1;
        }
        return failed > 0 ? SweepCommand.SOME_POINTS_FAILED : 0;
    }

    private static String howToGet(DatasetName name, DatasetCatalog catalog) {
        return "Get it with `hessianscope download " + name.key() + "` (needs the internet), or put "
                + (name == DatasetName.CIFAR10 ? "the unpacked " + DatasetName.CIFAR_FOLDER + "/ folder of "
                + DatasetName.CIFAR_ARCHIVE : "its four IDX files") + " in " + catalog.locations().homeDatasets()
                .resolve(name.key()) + " or pass --data-dir.";
    }
}
