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
        if (info.data() == null) {
            throw new IOException(run.resolve(RunFolder.INFO) + ": no \"data\" entry, so the training records are unknown");
        }
        DatasetName name = DatasetName.fromKey(info.data().dataset());
        Dataset all = catalog.load(name, Split.TRAIN);
        int n = info.data().trainSize();
        if (n > all.size()) {
            throw new SettingIOException(run + " was trained on " + n + " records of " + name.key() + " but only "
                    + all.size() + " are available (" + all.describe() + "); give {dataDir|the data folder} with the full dataset");
        }
        return all.first(n);
    }
}
