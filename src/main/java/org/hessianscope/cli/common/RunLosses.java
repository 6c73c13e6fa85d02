package org.hessianscope.cli.common;

import org.hessianscope.arch.ArchitectureSpec;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.Dataset;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.DatasetName;
import org.hessianscope.data.Split;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Model;
import org.hessianscope.engine.Network;
import org.hessianscope.io.Npy;
import org.hessianscope.io.NpyArray;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.RunInfo;
import org.hessianscope.task.ProgressMonitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Per-sample training losses of a run folder: RUN_DIR/losses.npy when present (as written by
 * {@code losses --out}), otherwise computed from the run's spec and weights on the training
 * records it was trained on (the first trainSize of its dataset, in file order).
 */
public final class RunLosses {
    static final String FILE = "losses.npy";

    private RunLosses() {
    }

    /** {@code what} receives a description of where the losses came from. */
    public static double[] of(Path run, Path dataDir, StringBuilder what) throws IOException {
        if (!Files.isDirectory(run)) {
            throw new IOException("--run " + run + ": not a directory");
        }
        Path cached = run.resolve(FILE);
        if (Files.isRegularFile(cached)) {
            what.append(cached);
            return read(cached);
        }
        RunInfo info = RunFolder.readInfo(run);
        if (info.data() == null) {
            throw new IOException(run.resolve(RunFolder.INFO) + ": no \"data\" entry, so the training records are "
                    + "unknown; write the losses with `losses --out " + cached + "` or pass --losses");
        }
        ArchitectureSpec spec = RunFolder.readSpec(run);
        double[] theta = RunFolder.readWeights(run, spec);
        DatasetName name = DatasetName.fromKey(info.data().dataset());
        Dataset all = new DatasetCatalog(DataLocations.ofSystem(dataDir)).load(name, Split.TRAIN);
        int n = info.data().trainSize();
        if (n > all.size()) {
            throw new IOException("--run " + run + " was trained on " + n + " records of " + name.key() + " but only "
                    + all.size() + " are available (" + all.describe() + "); give --data-dir with the full dataset");
        }
        Dataset train = all.first(n);
        ModelSource.checkFits(spec, train, train.describe());
        try (Engine engine = Engine.create()) {
            what.append(n).append(" losses computed from ").append(run).append(" on ").append(train.describe());
            return engine.perSampleLosses(new Model(Network.of(spec), theta), train, ProgressMonitor.NONE);
        }
    }

    /** A 1-D array of at least two finite losses. */
    public static double[] read(Path file) throws IOException {
        NpyArray a = Npy.read(file);
        int[] shape = a.shape();
        long nonUnit = Arrays.stream(shape).filter(d -> d != 1).count();
        if (shape.length == 0 || nonUnit > 1) {
            throw new IOException(file + ": per-sample losses must be a 1-D array of N values, got shape "
                    + a.shapeString());
        }
        double[] d = a.data();
        if (d.length < 2) {
            throw new IOException(file + ": holds " + d.length + " loss(es); need at least 2");
        }
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) {
                throw new IOException(file + ": loss at index " + i + " is " + d[i] + "; losses must be finite");
            }
        }
        return d;
    }
}
