package org.hessianscope.analysis;

import java.io.IOException;
import java.nio.file.Path;
import org.hessianscope.data.Dataset;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.DatasetName;
import org.hessianscope.data.Split;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.RunInfo;
import org.hessianscope.task.SettingIOException;

/** The records a run was trained on: the first trainSize of its dataset's training file, in file order. */
public final class RunTrainingSet {
    private RunTrainingSet() {
    }

    public static Dataset load(Path run, RunInfo info, DatasetCatalog catalog) throws IOException {
        Dataset all = wholeFile(run, info, catalog);
        DatasetName name = all.name();
        int n = info.data().trainSize();
        if (n > all.size()) {
            throw new SettingIOException(run + " was trained on " + n + " records of " + name.key() + " but only "
                    + all.size() + " are available (" + all.describe() + "); give {dataDir|the data folder} with the full dataset");
        }
        return all.first(n);
    }

    /**
     * The run's first {@code needed} training records (all of them when it has fewer): what a computation on the
     * first N samples, such as a landscape slice, needs. A smaller copy than the run's training set serves when it
     * holds them (the embedded subset of 10,000 has the first records of the full set, in file order), so a sample
     * model trained on all of MNIST slices without the full dataset; fewer records than needed are refused as in
     * {@link #load}.
     */
    public static Dataset loadFirst(Path run, RunInfo info, DatasetCatalog catalog, int needed) throws IOException {
        Dataset all = wholeFile(run, info, catalog);
        int n = Math.min(info.data().trainSize(), needed);
        if (n > all.size()) {
            throw new SettingIOException(run + " needs the first " + n + " training records of " + all.name().key()
                    + " but only " + all.size() + " are available (" + all.describe()
                    + "); give {dataDir|the data folder} with the full dataset");
        }
        return all.first(n);
    }

    /**
     * The run's training records that are found here: all {@code trainSize} of them, or, when only a
     * smaller copy is found (the embedded subset of 10,000), its records, which are the run's first
     * ones because every copy is in the publishers' file order. Record i of the result is the run's
     * record i, so a sample the per-sample pass measured can be shown whenever i is below its size.
     */
    public static Dataset loadAvailable(Path run, RunInfo info, DatasetCatalog catalog) throws IOException {
        Dataset all = wholeFile(run, info, catalog);
        return all.first(Math.min(info.data().trainSize(), all.size()));
    }

    private static Dataset wholeFile(Path run, RunInfo info, DatasetCatalog catalog) throws IOException {
        if (info.data() == null) {
            throw new IOException(run.resolve(RunFolder.INFO) + ": no \"data\" entry, so the training records are unknown");
        }
        return catalog.load(DatasetName.fromKey(info.data().dataset()), Split.TRAIN);
    }
}
