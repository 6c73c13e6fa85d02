package org.hessianscope.ui.common;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.hessianscope.task.ProgressMonitor;

/**
 * One long job run off the JavaFX thread: the work gets a {@link ProgressMonitor} whose
 * progress, message and cancellation travel through a {@link Task}; the callbacks run on
 * the JavaFX thread. Every job (training, analysis, opening runs) goes through this class,
 * so each one reports progress, honours Cancel and surfaces errors the same way.
 */
public final class BackgroundTask<T> {

    /** The work itself; it calls {@code monitor.checkCancelled()} or polls {@code isCancelled()}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(ProgressMonitor monitor) throws Exception;
    }

    private final String title;
    private final Work<T> work;
    private Runnable onRunning = () -> {
    };
    private Consumer<T> onSuccess = v -> {
    };
    private Consumer<Throwable> onFailure = e -> {
    };
    private Runnable onCancelled = () -> {
    };

    private BackgroundTask(String title, Work<T> work) {
        this.title = title;
        this.work = work;
    }

    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    public String title() {
        return title;
    }

    public BackgroundTask<T> onRunning(Runnable r) {
        onRunning = r;
        return this;
    }

    public BackgroundTask<T> onSuccess(Consumer<T> c) {
        onSuccess = c;
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> c) {
        onFailure = c;
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable r) {
        onCancelled = r;
        return this;
    }

    /** A fresh JavaFX task for this work; {@link #start} runs it. */
    public Task<T> toFxTask() {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(title);
                return work.run(new ProgressMonitor() {
                    @Override
                    public void progress(long done, long total, String message) {
                        // Task coalesces these updates, so a tight loop never floods the JavaFX thread.
                        // The message first: the strip's time left reads the step's name when progress arrives.
                        updateMessage(message);
                        updateProgress(done, total);
                    }

                    @Override
                    public boolean isCancelled() {
                        return isCancelled0();
                    }
                });
            }

            private boolean isCancelled0() {
                return isCancelled();
            }
        };
        task.setOnRunning(e -> onRunning.run());
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnCancelled(e -> onCancelled.run());
        task.setOnFailed(e -> {
            Throwable ex = task.getException();
            if (ex instanceof CancellationException) {
                onCancelled.run();
            } else {
                onFailure.accept(ex);
            }
        });
        return task;
    }

    public Task<T> start(Executor executor) {
        Task<T> task = toFxTask();
        executor.execute(task);
        return task;
    }
}
