package org.hessianscope.analysis;

import java.io.IOException;
import java.nio.file.Path;
import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.arch.InputShape;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.Dataset;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.DatasetName;
import org.hessianscope.data.Split;
import org.hessianscope.engine.Engine;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.RunTraining;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.train.TrainingListener;
import org.hessianscope.train.TrainingOptions;

/** Small trained run folders on the embedded MNIST subset, for analysis and GUI tests (a second or two each). */
public final class TinyRuns {
    private TinyRuns() {
    }

    /** The embedded data only: no full dataset on this machine changes what the tests see. */
    public static DatasetCatalog embedded(Path emptyDir) {
        // No --data-dir: one given is authoritative (issue 18), and this one holds nothing.
        return new DatasetCatalog(new DataLocations(null, null, emptyDir, emptyDir));
    }

    /** Trains L conv layers of 2 channels, kernel 5, on the first {@code n} MNIST records for one epoch, seed 3. */
    public static Path train(Path dir, int layers, int n, DatasetCatalog catalog) throws IOException {
        return train(dir, layers, n, 3, catalog);
    }

    /** As {@link #train(Path, int, int, DatasetCatalog)} with training seed {@code seed}. */
    public static Path train(Path dir, int layers, int n, long seed, DatasetCatalog catalog) throws IOException {
        ArchitectureSpec spec = ArchitectureSpec.paper(InputShape.MNIST, layers, 2, 5, null, 10);
        Dataset train = catalog.load(DatasetName.MNIST, Split.TRAIN).first(n);
        Dataset test = catalog.load(DatasetName.MNIST, Split.TEST).first(200);
        try (Engine engine = new Engine(2)) {
            RunTraining.Outcome o = RunTraining.train(engine, spec, train, test, TrainingOptions.paper(1, seed),
                    TrainingListener.NONE, ProgressMonitor.NONE);
            RunFolder.write(dir, o.run());
        }
        return dir;
    }
}
