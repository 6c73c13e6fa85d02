package org.hessianscope.train;

import org.hessianscope.data.Samples;
import org.hessianscope.engine.Engine;
import org.hessianscope.engine.Network;
import org.hessianscope.engine.Precision;
import org.hessianscope.task.ProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lesson's pacing on the real engine and TrainerEngineTest's two-half task: 64 samples in
 * batches of 8, so an epoch is 8 steps. Every command is checked against the step it must stop
 * at, and the paced run's weights against a free run's, bit for bit, at every checkpoint.
 */
class LessonControlTest {
    static final Samples TRAIN = TrainerEngineTest.halves(64, 3);
    static final TrainingOptions OPTIONS = new TrainingOptions(3, 8, 1e-2, 0.9, 0.999, 1e-8, 8)
            .withPrecision(Precision.FLOAT32);
    /** Generous bound on a wait for the training thread: only a broken control ever reaches it. */
    static final long PATIENCE_SECONDS = 60;

    private Engine engine;
    private ExecutorService trainer;
    private final BlockingQueue<LessonCheckpoint> reported = new LinkedBlockingQueue<>();
    private final AtomicInteger steps = new AtomicInteger();

    @BeforeEach
    void start() {
        engine = new Engine(1);
        trainer = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void stop() {
        trainer.shutdownNow();
        engine.close();
    }

    private Trainer newTrainer() {
        return new Trainer(BatchObjective.of(engine, Network.of(TrainerEngineTest.SPEC), Precision.FLOAT32));
    }

    private double[] init() {
        return PyTorchInit.initialise(TrainerEngineTest.SPEC, OPTIONS.seed());
    }

    private CompletableFuture<TrainingResult> paced(LessonControl control, ProgressMonitor monitor) {
        return CompletableFuture.supplyAsync(() -> newTrainer().train(init(), TRAIN, OPTIONS, CheckpointSchedule.NONE,
                control, p -> steps.incrementAndGet(), monitor), trainer);
    }

    private LessonCheckpoint next() throws InterruptedException {
        LessonCheckpoint c = reported.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertNotNull(c, "no checkpoint reported");
        return c;
    }

    /** θ after every step of a free run: checkpoint i is step i + 1. */
    private List<Checkpoint> freeSteps() {
        TrainingResult free = newTrainer().train(init(), TRAIN, OPTIONS, new CheckpointSchedule(1),
                TrainingListener.NONE, ProgressMonitor.NONE);
        assertEquals(24, free.checkpoints().size());
        return free.checkpoints();
    }

    @Test
    void eachCommandStopsWhereItSaysAndThePacedRunIsBitIdenticalToAFreeOne() throws Exception {
        List<Checkpoint> free = freeSteps();
        double[] freeEnd = newTrainer().train(init(), TRAIN, OPTIONS, TrainingListener.NONE, ProgressMonitor.NONE).weights();
        LessonControl control = LessonControl.paused(reported::add);
        CompletableFuture<TrainingResult> run = paced(control, ProgressMonitor.NONE);

        LessonCheckpoint start = next();
        assertEquals(new Where(0, 0, 0, true), Where.of(start));
        assertEquals("initial weights", start.label());
        double[] rounded = init();
        OPTIONS.precision().round(rounded);
        assertArrayEquals(rounded, start.weights());

        control.stepBatch();
        LessonCheckpoint one = next();
        assertEquals(new Where(1, 1, 1, true), Where.of(one));
        assertEquals("epoch 1, batch 1/8 (step 1)", one.label());
        assertEquals(1, steps.get());
        assertArrayEquals(free.get(0).thetaAsDouble(), one.weights());

        control.stepEpoch(); // from inside epoch 1: to its end
        LessonCheckpoint endOfFirst = next();
        assertEquals(new Where(8, 1, 8, true), Where.of(endOfFirst));
        assertEquals(8, steps.get());
        assertArrayEquals(free.get(7).thetaAsDouble(), endOfFirst.weights());

        control.stepEpoch(); // from an epoch's start: the whole next epoch
        LessonCheckpoint endOfSecond = next();
        assertEquals(new Where(16, 2, 8, true), Where.of(endOfSecond));
        assertArrayEquals(free.get(15).thetaAsDouble(), endOfSecond.weights());

        control.stepBatch();
        LessonCheckpoint firstOfThird = next();
        assertEquals(new Where(17, 3, 1, true), Where.of(firstOfThird));
        assertEquals(17, steps.get());

        control.play(); // no epoch boundary is left before the end: nothing more is reported
        TrainingResult result = run.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertEquals(TrainingResult.Status.COMPLETED, result.status());
        assertEquals(24, result.history().size());
        assertTrue(reported.isEmpty(), "reported " + reported);
        assertArrayEquals(freeEnd, result.weights());
    }

    @Test
    void playingReportsEveryEpochBoundaryWithoutStoppingThere() throws Exception {
        List<Checkpoint> free = freeSteps();
        LessonControl control = LessonControl.playing(reported::add);
        TrainingResult result = paced(control, ProgressMonitor.NONE).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertEquals(TrainingResult.Status.COMPLETED, result.status());
        LessonCheckpoint first = next();
        LessonCheckpoint second = next();
        assertTrue(reported.isEmpty());
        assertEquals(new Where(8, 1, 8, false), Where.of(first));
        assertEquals(new Where(16, 2, 8, false), Where.of(second));
        assertArrayEquals(free.get(7).thetaAsDouble(), first.weights());
        assertArrayEquals(free.get(15).thetaAsDouble(), second.weights());
    }

    @Test
    void pauseWhilePlayingStopsBeforeTheNextBatchAndNoBatchRunsWhilePaused() throws Exception {
        LessonControl control = LessonControl.playing(reported::add);
        // Paused from the listener of step 5, on the training thread: it must stop before step 6.
        CompletableFuture<TrainingResult> run = CompletableFuture.supplyAsync(() -> newTrainer().train(init(), TRAIN,
                OPTIONS, CheckpointSchedule.NONE, control, p -> {
                    if (steps.incrementAndGet() == 5) {
                        control.pause();
                    }
                }, ProgressMonitor.NONE), trainer);
        assertEquals(new Where(5, 1, 5, true), Where.of(next()));
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (System.nanoTime() < until) {
            assertEquals(5, steps.get());
            Thread.sleep(20);
        }
        assertTrue(control.isWaiting());
        assertFalse(run.isDone());
        control.play();
        assertEquals(TrainingResult.Status.COMPLETED, run.get(PATIENCE_SECONDS, TimeUnit.SECONDS).status());
        assertEquals(24, steps.get());
        // Playing on from step 5 it passed the boundaries after steps 8 and 16.
        assertEquals(8, next().step());
        assertEquals(16, next().step());
    }

    @Test
    void cancelWhilePausedEndsTheTrainingAtOnceWithWakeAndWithinARecheckWithout() throws Exception {
        for (boolean wake : new boolean[] {true, false}) {
            AtomicBoolean cancelled = new AtomicBoolean();
            ProgressMonitor monitor = cancelledBy(cancelled);
            LessonControl control = LessonControl.paused(reported::add);
            CompletableFuture<TrainingResult> run = paced(control, monitor);
            assertEquals(0, next().step());
            cancelled.set(true);
            if (wake) {
                control.wake();
            }
            TrainingResult result = run.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            assertEquals(TrainingResult.Status.CANCELLED, result.status());
            assertEquals(0, result.steps());
            assertEquals(0, steps.get());
        }
    }

    @Test
    void anInterruptedTrainingThreadStopsWaiting() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        ProgressMonitor monitor = cancelledBy(cancelled);
        LessonControl control = LessonControl.paused(reported::add);
        List<Thread> thread = new ArrayList<>();
        CompletableFuture<TrainingResult> run = CompletableFuture.supplyAsync(() -> {
            synchronized (thread) {
                thread.add(Thread.currentThread());
            }
            return newTrainer().train(init(), TRAIN, OPTIONS, CheckpointSchedule.NONE, control,
                    p -> steps.incrementAndGet(), monitor);
        }, trainer);
        assertEquals(0, next().step());
        // As a JavaFX Task's cancel does: the flag first, then the interrupt.
        cancelled.set(true);
        synchronized (thread) {
            thread.get(0).interrupt();
        }
        assertEquals(TrainingResult.Status.CANCELLED, run.get(PATIENCE_SECONDS, TimeUnit.SECONDS).status());
    }

    private static ProgressMonitor cancelledBy(AtomicBoolean cancelled) {
        return new ProgressMonitor() {
            public void progress(long done, long total, String message) {
            }

            public boolean isCancelled() {
                return cancelled.get();
            }
        };
    }

    /** A checkpoint's position without its weights. */
    record Where(long step, int epoch, int batch, boolean paused) {
        static Where of(LessonCheckpoint c) {
            return new Where(c.step(), c.epoch(), c.batch(), c.paused());
        }
    }
}
