package org.hessianscope.ui.common;

import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * The job shown in one progress strip: its title, progress, message and whether it runs.
 * Failures go to {@link Messages}, so no job can end in a silent stack trace.
 */
public final class JobViewModel {
    private final Executor executor;
    private final Messages messages;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper timeLeft = new ReadOnlyStringWrapper("");
    private final org.hessianscope.task.TimeLeft clock = new org.hessianscope.task.TimeLeft();
    private Task<?> current;

    public JobViewModel(Executor executor, Messages messages) {
        this.executor = executor;
        this.messages = messages;
        // Progress arrives on the JavaFX thread (bound to the task's), so the clock has one caller.
        progress.addListener((o, was, now) -> {
            if (running.get()) {
                String m = message.get() == null ? "" : message.get();
                int colon = m.indexOf(": ");
                String step = colon > 0 ? m.substring(0, colon) : title.get();
                double left = clock.update(step, now.doubleValue(), System.nanoTime() / 1e9);
                timeLeft.set(Double.isNaN(left) ? "" : step + ": time left ≈ " + Durations.format(left));
            }
        });
    }

    /** Starts {@code job}; its own callbacks run after the strip is updated. Call on the JavaFX thread. */
    public <T> void run(BackgroundTask<T> job) {
        if (running.get()) {
            messages.info("wait for \"" + title.get() + "\" to finish, or cancel it");
            return;
        }
        Task<T> task = job.toFxTask();
        title.set(job.title());
        message.unbind();
        progress.unbind();
        message.bind(task.messageProperty());
        progress.bind(task.progressProperty());
        clock.reset();
        timeLeft.set("");
        running.set(true);
        current = task;
        var success = task.getOnSucceeded();
        var failed = task.getOnFailed();
        var cancelled = task.getOnCancelled();
        task.setOnSucceeded(e -> {
            finish(task, "done");
            success.handle(e);
        });
        task.setOnFailed(e -> {
            boolean cancelledInside = task.getException() instanceof java.util.concurrent.CancellationException;
            finish(task, cancelledInside ? "cancelled" : "failed");
            if (!cancelledInside) {
                messages.error(job.title(), task.getException());
            }
            failed.handle(e);
        });
        task.setOnCancelled(e -> {
            finish(task, "cancelled");
            cancelled.handle(e);
        });
        executor.execute(task);
    }

    private void finish(Task<?> task, String how) {
        message.unbind();
        progress.unbind();
        message.set(title.get() + ": " + how);
        running.set(false);
        progress.set(how.equals("done") ? 1 : 0);
        timeLeft.set("");
        if (current == task) {
            current = null;
        }
    }

    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /**
     * "step: time left ≈ 40 s" for the running step (an analysis reports one step after another),
     * from its progress so far; empty before 1 % of it is done and once the job ends.
     */
    public ReadOnlyStringProperty timeLeftProperty() {
        return timeLeft.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
