package org.hessianscope.cli.common;

import org.hessianscope.data.DataLocations;
import org.hessianscope.data.Dataset;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.DatasetName;
import org.hessianscope.data.Split;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Which data a command works on: {@code --dataset}, {@code --data-dir} and
 * {@code --train-size} (the first N records of the training file, in file order).
 * A @Mixin for train, losses, hessian and the other analysis commands.
 */
public final class DatasetOptions {

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "mnist", converter = NameConverter.class,
            completionCandidates = Names.class,
            description = "Dataset: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DatasetName dataset;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding full datasets (<DIR>/<name>/ or the files themselves); "
                    + "searched before HESSIANSCOPE_DATA, ~/.hessianscope/datasets and the embedded subsets.")
    Path dataDir;

    @Option(names = "--train-size", paramLabel = "N",
            description = "Use the first N training records, in file order (default: all available).")
    Integer trainSize;

    public DatasetName dataset() {
        return dataset;
    }

    public DatasetCatalog catalog() {
        return new DatasetCatalog(DataLocations.ofSystem(dataDir));
    }

    /** The training set, cut to {@code --train-size} when given. */
    public Dataset train() throws IOException {
        Dataset all = catalog().load(dataset, Split.TRAIN);
        if (trainSize == null) {
            return all;
        }
        if (trainSize < 1 || trainSize > all.size()) {
            throw new IllegalArgumentException("--train-size " + trainSize + " is outside 1.." + all.size()
                    + ": " + all.describe() + " has " + all.size() + " training records");
        }
        return all.first(trainSize);
    }

    public Dataset test() throws IOException {
        return catalog().load(dataset, Split.TEST);
    }

    static final class NameConverter implements CommandLine.ITypeConverter<DatasetName> {
        public DatasetName convert(String value) {
            try {
                return DatasetName.fromKey(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Names implements Iterable<String> {
        public Iterator<String> iterator() {
            return Arrays.stream(DatasetName.values()).map(DatasetName::key).iterator();
        }
    }
}
