package org.hessianscope.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CancellationException;
import org.hessianscope.experiment.FailedPoint;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.experiment.DamagedRun;
import org.hessianscope.experiment.DataIdentity;
import org.hessianscope.io.AtomicFiles;
import org.hessianscope.experiment.PointResult;
import org.hessianscope.experiment.RunKey;
import org.hessianscope.experiment.RunStore;
import org.hessianscope.experiment.SweepFile;
import org.hessianscope.experiment.SweepFileReader;
import org.hessianscope.experiment.SweepFileWriter;
import org.hessianscope.experiment.SweepListener;
import org.hessianscope.experiment.SweepPoint;
import org.hessianscope.experiment.SweepRunner;
import org.hessianscope.task.ProgressMonitor;

/**
 * One Spark task: trains and analyses one point on the executor with the local runner's own
 * {@link SweepRunner#runPoint}, with as many threads as the task has cores ({@code spark.task.cpus}),
 * and publishes the run folder in the shared store by the store's atomic rename (for a Hadoop
 * filesystem store, through {@link HadoopRunStore}).
 */
final class PointTask implements Function<Integer, PointOutcome> {
    private final String sweepYaml;
    private final String source;
    private final String name;
    private final String storeRoot;
    private final DataPlaces data;
    private final String dataset;
    private final int trainSize;
    private final String dataSha256;

    private final boolean remote;
    /** Where the running task leaves its latest phase and progress for the driver (see {@link PointProgress}). */
    private final PointProgress progress;

    /**
     * @param store  the shared store's folder, or a Hadoop filesystem URI
     * @param remote whether {@code store} is a URI: the point is then made in a local scratch
     *               store and copied to the store when done
     */
    PointTask(SweepFile sweep, String store, boolean remote, DataPlaces data, DataIdentity identity,
              PointProgress progress) {
        this.progress = progress;
        // A sweep travels as its sweep-file text: SweepFileWriter writes every field the reader reads.
        this.sweepYaml = SweepFileWriter.toYaml(sweep);
        this.source = sweep.source();
        this.name = sweep.name();
        this.storeRoot = store;
        this.remote = remote;
        this.data = data;
        this.dataset = identity.dataset();
        this.trainSize = identity.trainSize();
        this.dataSha256 = identity.sha256();
    }

    @Override
    public PointOutcome call(Integer index) throws IOException {
        SweepFile sweep = SweepFileReader.parse(sweepYaml, source, name);
        TaskContext task = TaskContext.get();
        int threads = task == null ? 1 : Math.max(1, task.cpus());
        if (!remote) {
            return run(sweep, index, Path.of(storeRoot), threads);
        }
        Path scratch = Files.createTempDirectory("hessianscope-point-");
        try {
            HadoopRunStore store = new HadoopRunStore(storeRoot, new Configuration());
            SweepPoint p = sweep.points().get(index);
            String folder = new RunStore(scratch).folderOf(new RunKey(p.spec(), new DataIdentity(dataset, trainSize, dataSha256),
                    sweep.trainingOf(p))).getFileName().toString();
            store.pull(folder, scratch);
            PointOutcome o = run(sweep, index, scratch, threads);
            if (o.failure() == null && (o.trained() || o.analysed())) {
                store.push(scratch.resolve(folder), !o.damaged().isEmpty());
            }
            return o;
        } finally {
            AtomicFiles.deleteTree(scratch);
        }
    }

    private PointOutcome run(SweepFile sweep, int index, Path storeRoot, int threads) throws IOException {
        TaskContext task = TaskContext.get();
        SweepRunner runner = new SweepRunner(new RunStore(storeRoot), new DatasetCatalog(data.locations()), 1, threads);
        String found = DataIdentity.of(runner.trainingSet(sweep)).sha256();
        if (!found.equals(dataSha256)) {
            throw new IOException("executor " + executor() + " sees other training records of " + sweep.dataset().key()
                    + " than the driver (SHA-256 " + found + ", driver " + dataSha256 + "); give every node the same "
                    + "files, e.g. --data-dir on a shared folder");
        }
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        List<DamagedRun> damaged = Collections.synchronizedList(new ArrayList<>());
        AtomicLong sequence = new AtomicLong();
        SweepListener listener = new SweepListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }

            @Override
            public void phase(SweepPoint point, Phase phase, String detail) {
                progress.add(new PointProgress.Event(phase, 0, 0, detail, sequence.incrementAndGet()));
            }

            @Override
            public void progress(SweepPoint point, Phase phase, long done, long total, String message) {
                progress.add(new PointProgress.Event(phase, done, total, message, sequence.incrementAndGet()));
            }
        };
        ProgressMonitor monitor = new ProgressMonitor() {
            public void progress(long done, long total, String message) {
            }

            public boolean isCancelled() {
                return task != null && task.isInterrupted();
            }
        };
        PointResult r;
        try {
            r = runner.runPoint(sweep, sweep.points().get(index), listener, monitor, damaged);
        } catch (CancellationException e) {
            throw e;
        } catch (Exception e) {
            if (monitor.isCancelled()) {
                throw e;
            }
            // The point's own failure (as the local runner reports it): nothing of it is published.
            return PointOutcome.failed(index, executor(), List.copyOf(warnings), FailedPoint.reason(e));
        }
        return new PointOutcome(index, r.trained(), r.analysed(), executor(), List.copyOf(warnings),
                damaged.stream().map(d -> new String[] {d.folder().toString(), d.problem()}).toList(), null);
    }

    private static String executor() {
        SparkEnv env = SparkEnv.get();
        return env == null ? "?" : env.executorId();
    }
}
