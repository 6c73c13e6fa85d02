package org.hessianscope.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hessianscope.analysis.AnalysisOptions;
import org.hessianscope.analysis.AnalysisResult;
import org.hessianscope.analysis.RunAnalysis;
import org.hessianscope.data.Dataset;
import org.hessianscope.data.DatasetCatalog;
import org.hessianscope.data.Split;
import org.hessianscope.engine.Engine;
import org.hessianscope.run.RunFolder;
import org.hessianscope.run.RunTraining;
import org.hessianscope.run.TrainedRun;
import org.hessianscope.task.ProgressMonitor;
import org.hessianscope.train.TrainingOptions;
import org.hessianscope.train.TrainingResult;

/**
 * Trains and analyses every point of a sweep through a {@link RunStore}. A point whose run
 * is stored is not trained again and a stored analysis with the same settings is not redone,
 * so a sweep that was interrupted resumes where it stopped. With several jobs, points run
 * side by side and share the cores; results do not depend on the number of jobs. A point that
 * fails for a reason of its own is reported ({@link SweepResult#failed()}) and the others go on;
 * a cancellation or an {@link Error} stops them all.
 */
public final class SweepRunner implements SweepExecution {
    private final RunStore store;
    private final DatasetCatalog catalog;
    private final int jobs;
    private final int threadsPerJob;

    public SweepRunner(RunStore store, DatasetCatalog catalog, int jobs, int threads) {
        if (jobs < 1 || threads < 1) {
            throw new IllegalArgumentException("jobs = " + jobs + ", threads = " + threads + "; both must be at least 1");
        }
        this.store = store;
        this.catalog = catalog;
        this.jobs = jobs;
        this.threadsPerJob = Math.max(1, threads / jobs);
    }

    public SweepRunner(RunStore store, DatasetCatalog catalog, int jobs) {
        this(store, catalog, jobs, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public RunStore store() {
        return store;
    }

    /** The training records a sweep uses: the first {@code trainSize} of its dataset, or all of them. */
    @Override
    public Dataset trainingSet(SweepFile sweep) throws IOException {
        Dataset all = catalog.load(sweep.dataset(), Split.TRAIN);
        return sweep.trainSize() == SweepFile.ALL ? all : all.first(sweep.trainSize());
    }

    /** Runs the sweep holding the store's {@link StoreLock}: a second sweep on the same store is refused, naming this one. */
    @Override
    public SweepResult run(SweepFile sweep, SweepListener listener, ProgressMonitor monitor) throws IOException {
        Dataset train = trainingSet(sweep);
        Dataset test = catalog.load(sweep.dataset(), Split.TEST);
        try (StoreLock lock = StoreLock.acquire(store.root())) {
            return runLocked(sweep, train, test, listener, monitor);
        }
    }

    private SweepResult runLocked(SweepFile sweep, Dataset train, Dataset test, SweepListener listener,
                                  ProgressMonitor monitor) throws IOException {
        DataIdentity data = DataIdentity.of(train);
        List<SweepPoint> points = sweep.points();
        List<DamagedRun> damaged = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean failed = new AtomicBoolean();
        ProgressMonitor stop = new ProgressMonitor() {
            public void progress(long done, long total, String message) {
            }

            public boolean isCancelled() {
                return failed.get() || monitor.isCancelled();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, points.size()), r -> {
            Thread t = new Thread(r, "sweep-" + sweep.name());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PointResult>> futures = new ArrayList<>();
            List<FailedPoint> failures = Collections.synchronizedList(new ArrayList<>());
            for (SweepPoint p : points) {
                futures.add(pool.submit(() -> {
                    try {
                        return runPoint(sweep, p, train, test, data, listener, stop, damaged);
                    } catch (CancellationException e) {
                        failed.set(true);
                        throw e;
                    } catch (Exception e) {
                        if (stop.isCancelled()) {
                            throw e;   // an interrupted write, not the point's own failure
                        }
                        // The point's own failure: reported in the summary; the others go on.
                        FailedPoint f = FailedPoint.of(sweep, p, e);
                        failures.add(f);
                        listener.failed(f);
                        return null;
                    } catch (Throwable e) {
                        failed.set(true);
                        throw e;
                    }
                }));
            }
            List<PointResult> results = new ArrayList<>();
            Throwable first = null;
            for (Future<PointResult> f : futures) {
                try {
                    PointResult r = f.get();
                    if (r != null) {
                        results.add(r);
                    }
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    // A real failure outranks the cancellations it caused in the other jobs.
                    if (first == null || (first instanceof CancellationException && !(c instanceof CancellationException))) {
                        first = c;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.set(true);
                    throw new CancellationException("interrupted");
                }
            }
            if (first instanceof CancellationException c) {
                throw c;
            }
            if (first instanceof IOException e) {
                throw e;
            }
            if (first instanceof UncheckedIOException e) {
                throw e.getCause();
            }
            if (first instanceof RuntimeException e) {
                throw e;
            }
            if (first instanceof Error e) {
                throw e;
            }
            List<FailedPoint> inOrder = new ArrayList<>(failures);
            inOrder.sort(java.util.Comparator.comparingInt(FailedPoint::index));
            return new SweepResult(sweep, results, damaged, inOrder);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Trains and analyses one point of {@code sweep} (or reuses what the store holds), the unit
     * another execution ships to its workers; damaged runs it sets aside are added to {@code damaged}.
     */
    public PointResult runPoint(SweepFile sweep, SweepPoint p, SweepListener listener, ProgressMonitor monitor,
                                List<DamagedRun> damaged) throws IOException {
        Dataset train = trainingSet(sweep);
        Dataset test = catalog.load(sweep.dataset(), Split.TEST);
        return runPoint(sweep, p, train, test, DataIdentity.of(train), listener, monitor, damaged);
    }

    private PointResult runPoint(SweepFile sweep, SweepPoint p, Dataset train, Dataset test, DataIdentity data,
                                 SweepListener listener, ProgressMonitor stop, List<DamagedRun> damaged)
            throws IOException {
        stop.checkCancelled();
        TrainingOptions training = sweep.trainingOf(p);
        RunKey key = new RunKey(p.spec(), data, training);
        listener.phase(p, SweepListener.Phase.CHECKING, store.folderOf(key).getFileName().toString());
        Lookup found = store.lookup(key);
        if (found instanceof Lookup.Damaged d) {
            java.nio.file.Path aside = store.setAside(d.damage());
            damaged.add(d.damage());
            listener.warning("damaged run " + d.damage().folder().getFileName() + " skipped: " + d.damage().problem()
                    + "; moved to " + aside + " and training again");
        }
        try (Engine engine = new Engine(threadsPerJob)) {
            StoredRun stored;
            TrainedRun trained;
            boolean trainedNow = !(found instanceof Lookup.Found);
            if (found instanceof Lookup.Found f) {
                stored = f.run();
                trained = RunFolder.read(stored.folder());
            } else {
                listener.phase(p, SweepListener.Phase.TRAINING, training.epochs() + " epochs on "
                        + train.size() + " records" + (sweep.seeded() ? ", seed " + p.seed() : ""));
                long total = (long) training.epochs() * ((train.size() + training.batchSize() - 1)
                        / training.batchSize());
                RunTraining.Outcome outcome = RunTraining.train(engine, p.spec(), train, test, training,
                        sweep.checkpointsOf(p), progress -> listener.progress(p, SweepListener.Phase.TRAINING, progress.step(), total,
                                String.format("epoch %d/%d, loss %.4f", progress.epoch(), progress.epochs(),
                                        progress.batchLoss())), stop);
                if (outcome.result().status() == TrainingResult.Status.CANCELLED) {
                    throw new CancellationException("cancelled while training " + sweep.parameter().key() + " = "
                            + p.value() + (sweep.seeded() ? ", seed " + p.seed() : ""));
                }
                trained = outcome.run();
                stored = store.save(key, trained);
            }
            AnalysisOptions options = sweep.analysis();
            AnalysisResult analysis = store.analysis(stored, options).orElse(null);
            boolean analysedNow = analysis == null;
            if (analysedNow) {
                listener.phase(p, SweepListener.Phase.ANALYSIS, "losses, loss difference, curvature, bounds");
                analysis = new RunAnalysis(engine).analyze(trained, train,
                        new AnalysisOptions(options.orderings(), options.seed(), options.alpha(), threadsPerJob,
                                options.curvatureSamples(), options.lanczosSteps(), options.perSampleFull()),
                        step -> new ProgressMonitor() {
                            public void progress(long done, long total, String message) {
                                listener.progress(p, SweepListener.Phase.ANALYSIS, done, total,
                                        step.label() + (message == null || message.isEmpty() ? "" : ": " + message));
                            }

                            public boolean isCancelled() {
                                return stop.isCancelled();
                            }
                        });
                store.saveAnalysis(stored, analysis);
            }
            PointResult result = new PointResult(p, stored, trainedNow, analysedNow, analysis);
            listener.finished(result);
            return result;
        }
    }
}
