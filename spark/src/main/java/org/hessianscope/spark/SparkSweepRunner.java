package org.hessianscope.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.data.DataLocations;
import org.hessianscope.data.Dataset;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.experiment.DamagedRun;
import org.hessianscope.experiment.DataIdentity;
import org.hessianscope.experiment.FailedPoint;
import org.hessianscope.experiment.Lookup;
import org.hessianscope.experiment.PointResult;
import org.hessianscope.experiment.RunKey;
import org.hessianscope.experiment.RunStore;
import org.hessianscope.experiment.SweepExecution;
import org.hessianscope.experiment.SweepFile;
import org.hessianscope.experiment.SweepListener;
import org.hessianscope.experiment.SweepPoint;
import org.hessianscope.experiment.SweepResult;
import org.hessianscope.experiment.SweepRunner;
import org.hessianscope.task.ProgressMonitor;

/**
 * Runs a sweep's points as Spark tasks, one job of one task per point so each finishes (and is
 * reported) on its own. A task trains and analyses its point on an executor into the shared run
 * store ({@link PointTask}); the driver then reads every point back from the store, so the
 * summary and figures are made from the same bytes as the local runner's. Spark retries a task
 * whose executor died; the store's atomic rename means a retry never meets a half-written run.
 */
public final class SparkSweepRunner implements SweepExecution {
    /** The local property that tells {@link SparkProgress} which point a job is. */
    static final String POINT = "hessianscope.point";
    private static final long POLL_MILLIS = 50;

    /** Where the driver keeps its copy of a Hadoop filesystem store (default ~/.hessianscope/store-copies/...). */
    static final String STORE_COPY = "spark.hessianscope.storeCopy";

    private final JavaSparkContext spark;
    private final boolean owned;
    private final RunStore store;
    private final HadoopRunStore remote;
    private final DataLocations data;
    private final SweepRunner local;

    /**
     * Runs on {@code spark}, which the caller keeps and stops.
     *
     * @param store a folder every node sees at the same path, or a Hadoop filesystem URI
     */
    public SparkSweepRunner(JavaSparkContext spark, String store, DataLocations data) throws IOException {
        this(spark, false, store, data);
    }

    private SparkSweepRunner(JavaSparkContext spark, boolean owned, String store, DataLocations data)
            throws IOException {
        this.spark = spark;
        this.owned = owned;
        if (isUri(store)) {
            this.remote = new HadoopRunStore(store, spark.hadoopConfiguration());
            String copy = spark.getConf().get(STORE_COPY, Path.of(System.getProperty("user.home"), ".hessianscope",
                    "store-copies", store.replaceAll("[^A-Za-z0-9._-]+", "_")).toString());
            this.store = new RunStore(Path.of(copy));
        } else {
            this.remote = null;
            this.store = new RunStore(Path.of(store));
        }
        this.data = data;
        // Only for the driver's own look at the data and the store; it never trains.
        this.local = new SweepRunner(this.store, new DatasetCatalog(data), 1, 1);
    }

    static boolean isUri(String store) {
        return store.matches("[A-Za-z][A-Za-z0-9+.-]*://.*");
    }

    /**
     * Connects to {@code master}. Other settings given as {@code spark.*} system properties (as
     * {@code spark-submit} passes them) win over the defaults here.
     */
    public static SparkSweepRunner open(String master, String store, DataLocations data) throws IOException {
        SparkConf conf = new SparkConf().setMaster(master);
        conf.setIfMissing("spark.app.name", "hessianscope sweep");
        // The driver prints a line per point; Spark's own bar would interleave with it.
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        // Heartbeats carry the running points' progress (PointProgress): every 3 s rather than
        // Spark's 10 s, so a point's epochs show as they pass; still far below spark.network.timeout.
        conf.setIfMissing("spark.executor.heartbeatInterval", "3s");
        JavaSparkContext spark = new JavaSparkContext(conf);
        try {
            return new SparkSweepRunner(spark, true, store, data);
        } catch (IOException | RuntimeException e) {
            spark.stop();
            throw e;
        }
    }

    @Override
    public RunStore store() {
        return store;
    }

    @Override
    public Dataset trainingSet(SweepFile sweep) throws IOException {
        return local.trainingSet(sweep);
    }

    @Override
    public SweepResult run(SweepFile sweep, SweepListener listener, ProgressMonitor monitor) throws IOException {
        DataIdentity identity = DataIdentity.of(trainingSet(sweep));
        PointProgress running = new PointProgress();
        spark.sc().register(running, PointProgress.NAME);
        PointTask task = new PointTask(sweep, remote == null ? store.root().toString() : remote.uri(), remote != null,
                DataPlaces.of(data), identity, running);
        List<SweepPoint> points = sweep.points();
        SparkProgress progress = new SparkProgress(points, listener);
        spark.sc().addSparkListener(progress);
        List<JavaFutureAction<List<PointOutcome>>> jobs = new ArrayList<>();
        try {
            for (SweepPoint p : points) {
                spark.setLocalProperty(POINT, Integer.toString(p.index()));
                spark.setJobDescription(sweep.name() + ": " + sweep.parameter().key() + " = " + p.value());
                jobs.add(spark.parallelize(List.of(p.index()), 1).map(task).collectAsync());
            }
            spark.setLocalProperty(POINT, null);
            spark.setJobDescription(null);
            PointResult[] results = new PointResult[points.size()];
            boolean[] done = new boolean[points.size()];
            List<DamagedRun> damaged = new ArrayList<>();
            List<FailedPoint> failed = new ArrayList<>();
            int left = points.size();
            while (left > 0) {
                if (monitor.isCancelled()) {
                    throw new CancellationException("cancelled; points finished so far are in the store");
                }
                boolean any = false;
                for (int i = 0; i < jobs.size(); i++) {
                    if (done[i] || !jobs.get(i).isDone()) {
                        continue;
                    }
                    any = true;
                    done[i] = true;
                    left--;
                    PointOutcome o = outcome(jobs.get(i), points.get(i));
                    for (String w : o.warnings()) {
                        listener.warning(w);
                    }
                    for (String[] d : o.damaged()) {
                        damaged.add(new DamagedRun(Path.of(d[0]), d[1]));
                    }
                    if (o.failure() != null) {
                        FailedPoint f = FailedPoint.of(sweep, points.get(i), o.failure());
                        failed.add(f);
                        listener.failed(f);
                        continue;
                    }
                    results[i] = readBack(sweep, points.get(i), identity, o);
                    listener.finished(results[i]);
                }
                if (!any) {
                    pause();
                }
            }
            failed.sort(java.util.Comparator.comparingInt(FailedPoint::index));
            return new SweepResult(sweep, java.util.Arrays.stream(results).filter(java.util.Objects::nonNull).toList(),
                    damaged, failed);
        } finally {
            for (JavaFutureAction<?> j : jobs) {
                if (!j.isDone()) {
                    j.cancel(true);
                }
            }
            spark.sc().removeSparkListener(progress);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    /**
     * A finished job's result. A job Spark gave up on (its task failed spark.task.maxFailures times, e.g. an
     * executor lost each time) is that point's failure too: the others go on.
     */
    private static PointOutcome outcome(JavaFutureAction<List<PointOutcome>> job, SweepPoint p) {
        try {
            return job.get().get(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            String why = e.getCause() == null ? String.valueOf(e) : e.getCause().getMessage();
            // Spark appends the driver's stack trace; the first line says what failed.
            return PointOutcome.failed(p.index(), "?", List.of(), "failed on Spark: "
                    + (why == null ? String.valueOf(e.getCause()) : why.lines().findFirst().orElse(why)));
        }
    }

    /** The point as the store holds it, which is what the local runner's summary is made from too. */
    private PointResult readBack(SweepFile sweep, SweepPoint p, DataIdentity identity, PointOutcome o)
            throws IOException {
        RunKey key = new RunKey(p.spec(), identity, sweep.trainingOf(p));
        if (remote != null) {
            remote.pull(store.folderOf(key).getFileName().toString(), store.root());
        }
        Lookup found = store.lookup(key);
        if (!(found instanceof Lookup.Found f)) {
            throw new IOException(sweep.parameter().key() + " = " + p.value() + " finished on executor " + o.executor()
                    + " but " + store.folderOf(key) + " is " + (found instanceof Lookup.Damaged d ? "damaged ("
                    + d.damage().problem() + ")" : "not there") + " as the driver sees it: --store must be a folder "
                    + "every node sees at the same path, or a filesystem URI");
        }
        AnalysisResult analysis = store.analysis(f.run(), sweep.analysis()).orElseThrow(() -> new IOException(
                store.folderOf(key) + " has no analysis with the sweep's settings although its task finished"));
        return new PointResult(p, f.run(), o.trained(), o.analysed(), analysis);
    }

    @Override
    public void close() {
        if (owned) {
            spark.stop();
        }
    }
}
